package dev.scrumpoker.application.limits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits on what costs the service most, each with its key: guest sign-ins, password checks (PBKDF2, ~220 ms
 * of CPU each) and WebSocket handshakes per client address, failed logins per account (a lockout until the window
 * ends), and checkout creations per account (each one calls Stripe). The numbers are configuration;
 * docs/security.md explains them.
 */
@ApplicationScoped
public class ServiceLimits {

    @Inject
    RateLimits counts;

    @Inject
    @ConfigProperty(name = "limits.guest.per-address", defaultValue = "10000")
    int guestsPerAddress;
    @Inject
    @ConfigProperty(name = "limits.guest.window", defaultValue = "PT1M")
    Duration guestWindow;
    @Inject
    @ConfigProperty(name = "limits.password.per-address", defaultValue = "60")
    int passwordChecksPerAddress;
    @Inject
    @ConfigProperty(name = "limits.password.window", defaultValue = "PT1M")
    Duration passwordWindow;
    @Inject
    @ConfigProperty(name = "limits.login-failures.per-account", defaultValue = "5")
    int failuresPerAccount;
    @Inject
    @ConfigProperty(name = "limits.login-failures.window", defaultValue = "PT15M")
    Duration failureWindow;
    @Inject
    @ConfigProperty(name = "limits.handshake.per-address", defaultValue = "20000")
    int handshakesPerAddress;
    @Inject
    @ConfigProperty(name = "limits.handshake.window", defaultValue = "PT1M")
    Duration handshakeWindow;
    @Inject
    @ConfigProperty(name = "limits.checkout.per-account", defaultValue = "30")
    int checkoutsPerAccount;
    @Inject
    @ConfigProperty(name = "limits.checkout.window", defaultValue = "PT1M")
    Duration checkoutWindow;

    private Limit guests;
    private Limit passwordChecks;
    private Limit loginFailures;
    private Limit checkouts;
    private Limit handshakes;

    @PostConstruct
    void build() {
        guests = new Limit("guest-per-address", guestsPerAddress, guestWindow);
        passwordChecks = new Limit("password-per-address", passwordChecksPerAddress, passwordWindow);
        loginFailures = new Limit("login-failures-per-account", failuresPerAccount, failureWindow);
        checkouts = new Limit("checkout-per-account", checkoutsPerAccount, checkoutWindow);
        handshakes = new Limit("handshake-per-address", handshakesPerAddress, handshakeWindow);
    }

    public void guestSignIn(String clientAddress) {
        refuseIfOver(counts.take(guests, clientAddress), "too many guest sign-ins from this address");
    }

    /** Logins and registrations alike: each checks or hashes a password. */
    public void passwordCheck(String clientAddress) {
        refuseIfOver(counts.take(passwordChecks, clientAddress), "too many sign-in attempts from this address");
    }

    /** Refuses every login of an account that failed too often lately, the right password included. */
    public void loginAllowed(String accountEmail) {
        refuseIfOver(counts.check(loginFailures, accountEmail),
                "too many failed logins for this account; wait before trying again");
    }

    public void loginFailed(String accountEmail) {
        counts.take(loginFailures, accountEmail);
    }

    public void loginSucceeded(String accountEmail) {
        counts.forget(loginFailures, accountEmail);
    }

    /**
     * WebSocket handshakes, counted before the token is even read. A reconnection storm is thousands of handshakes
     * in seconds: they are not held up waiting for Redis, so an address is refused once its count is known to be over.
     */
    public void handshake(String clientAddress) {
        refuseIfOver(counts.takeWithoutWaiting(handshakes, clientAddress),
                "too many connections opened from this address");
    }

    public void checkoutStarted(UUID userId) {
        refuseIfOver(counts.take(checkouts, userId.toString()), "too many checkouts started by this account");
    }

    private static void refuseIfOver(Admission admission, String message) {
        if (!admission.allowed()) {
            throw new RateLimited(message, admission.retryAfterSeconds());
        }
    }
}
