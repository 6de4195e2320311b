package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.application.billing.CheckoutRepository;
import dev.scrumpoker.application.billing.PaymentGateway;
import dev.scrumpoker.domain.account.Tier;
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
public class JpaCheckoutRepository implements CheckoutRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public Optional<Asked> find(UUID userId, String idempotencyKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT tier, session_id, url FROM checkout_sessions
                        WHERE user_id = CAST(?1 AS uuid) AND idempotency_key = ?2""")
                .setParameter(1, SqlValues.text(userId))
                .setParameter(2, idempotencyKey)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Asked(Tier.valueOf((String) row[0]),
                new PaymentGateway.CheckoutSession((String) row[1], (String) row[2])));
    }

    @Override
    public void add(UUID userId, String idempotencyKey, Tier tier, PaymentGateway.CheckoutSession session, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO checkout_sessions (user_id, idempotency_key, tier, session_id, url, created_at)
                        VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6) ON CONFLICT (user_id, idempotency_key) DO NOTHING""")
                .setParameter(1, SqlValues.text(userId))
                .setParameter(2, idempotencyKey)
                .setParameter(3, tier.name())
                .setParameter(4, session.id())
                .setParameter(5, session.url())
                .setParameter(6, SqlValues.timestamp(at))
                .executeUpdate();
    }
}
