package dev.scrumpoker.application.account;

import dev.scrumpoker.domain.account.User;
import java.util.Optional;

/** Issues the bearer tokens of this service and checks the ones that arrive outside MicroProfile JWT's reach. */
public interface TokenService {

    IssuedToken issue(User user);

    /** The caller a token stands for, if it is ours, intact and not expired. */
    Optional<VerifiedCaller> verify(String token);
}
