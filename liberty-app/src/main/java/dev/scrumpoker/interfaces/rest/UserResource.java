package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.account.AccountService;
import dev.scrumpoker.domain.account.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "users")
public class UserResource {

    @Inject
    AccountService accounts;
    @Inject
    Caller caller;

    public record Me(UUID id, String displayName, String email, boolean guest, String tier) {
    }

    @GET
    @Path("/me")
    public Me me() {
        User user = accounts.me(caller.id());
        return new Me(user.id(), user.displayName(), user.email(), user.isGuest(), user.tier().name());
    }
}
