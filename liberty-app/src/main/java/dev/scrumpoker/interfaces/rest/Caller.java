package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.account.VerifiedCaller;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the token MicroProfile JWT verified. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public UUID id() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null) {
            throw new DomainException(Reason.UNAUTHORIZED, "send Authorization: Bearer <token>");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notOurs) {
            throw new DomainException(Reason.UNAUTHORIZED, "the token does not name a user of this service");
        }
    }

    /** The caller as the token names them: the id, and the display name it was issued with. */
    public VerifiedCaller verified() {
        String name = token == null ? null : token.getClaim("name");
        return new VerifiedCaller(id(), name == null ? "" : name);
    }
}
