package dev.scrumpoker.application.billing;

import dev.scrumpoker.application.limits.ServiceLimits;
import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.account.User;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Upgrading: a Stripe Checkout Session for a paid tier. The call to Stripe runs outside any transaction (no
 * database connection is held while Stripe answers), and one request always yields one session: its idempotency
 * key goes to Stripe with every retry, and a request seen before is answered from PostgreSQL without calling
 * Stripe again.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Pattern CLIENT_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    @Inject
    SubscriptionService subscriptions;
    @Inject
    PaymentGateway gateway;
    @Inject
    ServiceLimits limits;

    /**
     * @param clientKey the request's {@code Idempotency-Key} header, if the client sent one: a retry with the same
     *                  key gets the same session. Without one, each request is its own.
     */
    public PaymentGateway.CheckoutSession checkout(UUID userId, Tier tier, String clientKey, String returnUrl) {
        if (tier == Tier.FREE) {
            throw DomainException.invalid("tier must be PRO or TEAM");
        }
        if (clientKey != null && !CLIENT_KEY.matcher(clientKey).matches()) {
            throw DomainException.invalid("Idempotency-Key must be 1–100 visible ASCII characters");
        }
        User user = subscriptions.account(userId);
        if (user.isGuest()) {
            throw DomainException.forbidden("guests cannot subscribe; create an account first, then upgrade");
        }
        String key = clientKey == null ? UUID.randomUUID().toString() : clientKey;
        Optional<PaymentGateway.CheckoutSession> asked = subscriptions.checkoutAskedBefore(userId, key, tier);
        if (asked.isPresent()) {
            return asked.get();
        }
        // A second subscription would be billed alongside the first; plan changes belong to the subscription.
        Tier current = subscriptions.of(userId).entitledTier();
        if (current != Tier.FREE) {
            throw new DomainException(Reason.CONFLICT, "you already subscribe to " + current
                    + "; change or cancel the plan from the billing portal instead");
        }
        // Only new sessions count: each one is a call to Stripe, whose breaker is shared by everyone.
        limits.checkoutStarted(userId);
        PaymentGateway.CheckoutSession session = gateway.createCheckoutSession(
                new PaymentGateway.CheckoutOrder(userId, user.email(), tier, "checkout-" + userId + "-" + key, returnUrl));
        subscriptions.rememberCheckout(userId, key, tier, session);
        return session;
    }
}
