package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.account.AccountService;
import dev.scrumpoker.application.account.Authenticated;
import dev.scrumpoker.application.account.ConnectionTickets;
import dev.scrumpoker.application.account.ConnectionTickets.IssuedTicket;
import dev.scrumpoker.interfaces.web.ClientAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing in: as a guest with only a name, or with an account. */
@Path("/auth")
@RequestScoped
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    @Inject
    AccountService accounts;
    @Inject
    ClientAddress clientAddress;
    @Inject
    ConnectionTickets tickets;
    @Inject
    Caller caller;
    @Context
    HttpServletRequest http;

    public record GuestRequest(String displayName) {
    }

    public record RegisterRequest(String email, String password, String displayName) {
    }

    public record LoginRequest(String email, String password) {
    }

    @JsonbPropertyOrder({"id", "displayName", "guest"})
    public record UserSummary(UUID id, String displayName, boolean guest) {
    }

    @JsonbPropertyOrder({"ticket", "expiresIn"})
    public record TicketResponse(String ticket, long expiresIn) {
    }

    @JsonbPropertyOrder({"token", "expiresIn", "user"})
    public record TokenResponse(String token, long expiresIn, UserSummary user) {

        static TokenResponse of(Authenticated signedIn) {
            return new TokenResponse(signedIn.token().token(), signedIn.token().expiresIn(),
                    new UserSummary(signedIn.user().id(), signedIn.user().displayName(), signedIn.user().isGuest()));
        }
    }

    @POST
    @Path("/guest")
    @Operation(summary = "Get a guest token for a display name (1–40 characters); 429 over the limit per address")
    public Response guest(GuestRequest request) {
        Authenticated signedIn = accounts.guest(Bodies.require(request).displayName(), clientAddress.of(http));
        return Response.status(Response.Status.CREATED).entity(TokenResponse.of(signedIn)).build();
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create an account (password of at least 10 characters); 409 if the email is taken")
    public Response register(RegisterRequest request) {
        Bodies.require(request);
        Authenticated signedIn = accounts.register(request.email(), request.password(), request.displayName(),
                clientAddress.of(http));
        return Response.status(Response.Status.CREATED).entity(TokenResponse.of(signedIn)).build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Log in; 401 for a wrong password or an unknown email alike; 429 after repeated failures")
    public TokenResponse login(LoginRequest request) {
        Bodies.require(request);
        return TokenResponse.of(accounts.login(request.email(), request.password(), clientAddress.of(http)));
    }

    @POST
    @Path("/ws-ticket")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A one-time pass for opening a room's WebSocket (?ticket=), good for 30 s, so the token "
            + "itself never goes into a URL; 401 without a valid token")
    public Response connectionTicket() {
        IssuedTicket issued = tickets.issue(caller.verified());
        return Response.status(Response.Status.CREATED)
                .entity(new TicketResponse(issued.ticket(), issued.expiresInSeconds())).build();
    }
}
