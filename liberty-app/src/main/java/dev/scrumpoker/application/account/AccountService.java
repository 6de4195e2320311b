package dev.scrumpoker.application.account;

import dev.scrumpoker.application.limits.ServiceLimits;
import dev.scrumpoker.domain.account.PasswordHasher;
import dev.scrumpoker.domain.account.User;
import dev.scrumpoker.domain.account.UserRepository;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing up, signing in and looking oneself up. Not transactional itself: hashing a password and signing a token
 * are CPU-bound and happen outside {@link AccountRecords}' short write transactions.
 */
@ApplicationScoped
public class AccountService {

    private static final String BAD_CREDENTIALS = "email or password is wrong";

    @Inject
    UserRepository users;
    @Inject
    AccountRecords records;
    @Inject
    PasswordHasher hasher;
    @Inject
    TokenService tokens;
    @Inject
    Clock clock;
    @Inject
    ServiceLimits limits;
    /** Compared against when the email is unknown, so both failures cost the same time and look alike. */
    private String decoyHash;

    @PostConstruct
    void prepareDecoy() {
        decoyHash = hasher.hash(UUID.randomUUID().toString());
    }

    public Authenticated guest(String displayName, String clientAddress) {
        limits.guestSignIn(clientAddress);
        User user = User.guest(displayName, clock.instant());
        records.add(user);
        return new Authenticated(user, tokens.issue(user));
    }

    public Authenticated register(String email, String password, String displayName, String clientAddress) {
        limits.passwordCheck(clientAddress);
        String normalized = User.normalizeEmail(email);
        User.checkPassword(password);
        User.displayName(displayName);
        User user = User.registered(normalized, hasher.hash(password), displayName, clock.instant());
        records.addRegistered(user);
        return new Authenticated(user, tokens.issue(user));
    }

    /**
     * Checks the password unless the client address or the account is over its limit. Failures are counted per
     * account whether it exists or not, so a refusal says nothing about which emails have accounts.
     */
    public Authenticated login(String email, String password, String clientAddress) {
        limits.passwordCheck(clientAddress);
        if (email == null || password == null) {
            throw DomainException.invalid("email and password are required");
        }
        String account = User.canonicalEmail(email);
        limits.loginAllowed(account);
        Optional<User> user = users.findByEmail(account);
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            limits.loginFailed(account);
            throw new DomainException(Reason.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        limits.loginSucceeded(account);
        return new Authenticated(user.get(), tokens.issue(user.get()));
    }

    public User me(UUID userId) {
        return users.find(userId)
                .orElseThrow(() -> new DomainException(Reason.UNAUTHORIZED, "the account of this token no longer exists"));
    }
}
