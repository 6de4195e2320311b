package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.billing.Subscription;
import dev.scrumpoker.domain.billing.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaSubscriptionRepository implements SubscriptionRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public Optional<Subscription> find(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT user_id, tier, status, stripe_customer_id, stripe_subscription_id, current_period_end,
                               last_event_at
                        FROM subscriptions WHERE user_id = CAST(?1 AS uuid)""")
                .setParameter(1, SqlValues.text(userId))
                .getResultList();
        return rows.stream().findFirst().map(row -> new Subscription(SqlValues.uuid(row[0]), Tier.valueOf((String) row[1]),
                (String) row[2], (String) row[3], (String) row[4], SqlValues.instant(row[5]), SqlValues.instant(row[6])));
    }

    @Override
    public Optional<UUID> userOfSubscription(String subscriptionId) {
        @SuppressWarnings("unchecked")
        List<Object> users = em.createNativeQuery(
                        "SELECT user_id FROM subscriptions WHERE stripe_subscription_id = ?1")
                .setParameter(1, subscriptionId)
                .getResultList();
        return users.stream().findFirst().map(SqlValues::uuid);
    }

    @Override
    public void save(Subscription subscription) {
        em.createNativeQuery("""
                        INSERT INTO subscriptions (user_id, tier, status, stripe_customer_id, stripe_subscription_id,
                                                   current_period_end, last_event_at)
                        VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, CAST(?6 AS timestamptz), ?7)
                        ON CONFLICT (user_id) DO UPDATE SET tier = EXCLUDED.tier, status = EXCLUDED.status,
                            stripe_customer_id = EXCLUDED.stripe_customer_id,
                            stripe_subscription_id = EXCLUDED.stripe_subscription_id,
                            current_period_end = EXCLUDED.current_period_end, last_event_at = EXCLUDED.last_event_at""")
                .setParameter(1, SqlValues.text(subscription.userId()))
                .setParameter(2, subscription.tier().name())
                .setParameter(3, subscription.status())
                .setParameter(4, subscription.customerId())
                .setParameter(5, subscription.subscriptionId())
                .setParameter(6, SqlValues.timestamp(subscription.currentPeriodEnd()))
                .setParameter(7, SqlValues.timestamp(subscription.lastEventAt()))
                .executeUpdate();
    }

    @Override
    public boolean firstDelivery(String eventId, String type, Instant receivedAt) {
        return em.createNativeQuery("""
                        INSERT INTO stripe_events (event_id, type, received_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, SqlValues.timestamp(receivedAt))
                .executeUpdate() == 1;
    }
}
