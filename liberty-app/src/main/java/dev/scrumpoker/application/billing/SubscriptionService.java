package dev.scrumpoker.application.billing;

import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.account.User;
import dev.scrumpoker.domain.account.UserRepository;
import dev.scrumpoker.domain.audit.AuditAction;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.audit.AuditLog;
import dev.scrumpoker.domain.billing.BillingEvent;
import dev.scrumpoker.domain.billing.Subscription;
import dev.scrumpoker.domain.billing.SubscriptionRepository;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Subscriptions in PostgreSQL: the checkouts asked for, the Stripe events applied, and the tier they give. */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());

    @Inject
    UserRepository users;
    @Inject
    SubscriptionRepository subscriptions;
    @Inject
    CheckoutRepository checkouts;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public User account(UUID userId) {
        return users.find(userId)
                .orElseThrow(() -> new DomainException(Reason.UNAUTHORIZED, "the account of this token no longer exists"));
    }

    /** The session a request with this key got before; a key reused for another tier is a CONFLICT. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaymentGateway.CheckoutSession> checkoutAskedBefore(UUID userId, String idempotencyKey, Tier tier) {
        Optional<CheckoutRepository.Asked> asked = checkouts.find(userId, idempotencyKey);
        if (asked.isPresent() && asked.get().tier() != tier) {
            throw new DomainException(Reason.CONFLICT, "this Idempotency-Key was used for a checkout of another tier");
        }
        return asked.map(CheckoutRepository.Asked::session);
    }

    public void rememberCheckout(UUID userId, String idempotencyKey, Tier tier, PaymentGateway.CheckoutSession session) {
        checkouts.add(userId, idempotencyKey, tier, session, clock.instant());
    }

    /**
     * Applies one verified Stripe event, at most once per event id, also when deliveries of it race. An event of
     * a type we do not act on ({@code event} null) is recorded and ignored. Answers whether anything changed.
     */
    public boolean apply(String eventId, String type, BillingEvent event) {
        if (!subscriptions.firstDelivery(eventId, type, clock.instant()) || event == null) {
            return false;
        }
        Optional<UUID> userId = Optional.ofNullable(event.userId())
                .or(() -> Optional.ofNullable(event.subscriptionId()).flatMap(subscriptions::userOfSubscription));
        Optional<User> user = userId.flatMap(users::findForUpdate);
        if (user.isEmpty()) {
            LOG.info(() -> "Stripe event " + eventId + " (" + type + ") is about no user of ours; ignored");
            return false;
        }
        // The user's row lock (taken above) makes one user's events apply one at a time.
        Subscription subscription = subscriptions.find(user.get().id())
                .orElseGet(() -> Subscription.none(user.get().id()));
        if (!subscription.apply(event)) {
            return false;
        }
        subscriptions.save(subscription);
        Tier before = user.get().tier();
        Tier after = subscription.entitledTier();
        if (after != before) {
            user.get().changeTier(after);
            audit.record(new AuditEntry(clock.instant(), AuditAction.TIER_CHANGED, null, null, user.get().id(),
                    Map.of("from", before.name(), "to", after.name(), "status", subscription.status(),
                            "stripeEvent", eventId)));
        }
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription of(UUID userId) {
        return subscriptions.find(userId).orElseGet(() -> Subscription.none(userId));
    }
}
