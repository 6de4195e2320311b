package dev.scrumpoker.infrastructure.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import dev.scrumpoker.application.Unavailable;
import dev.scrumpoker.application.billing.PaymentGateway;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Stripe Checkout Sessions, guarded by MicroProfile Fault Tolerance: every attempt is bounded ({@code @Timeout}),
 * a lost connection or a Stripe-side error is retried twice with jitter under the same idempotency key, a Stripe
 * that keeps failing opens the circuit so callers get their 503 at once, and at most 20 calls wait on Stripe at a
 * time ({@code @Bulkhead}) so a slow Stripe cannot take every request thread. The breaker's numbers are tuned in
 * microprofile-config.properties.
 */
@ApplicationScoped
public class StripePaymentGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(StripePaymentGateway.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 2000;
    private static final int READ_TIMEOUT_MS = 4000;

    @Inject
    StripeSettings settings;

    private StripeClient client;

    @PostConstruct
    void connect() {
        // Stripe's own retries are off: Fault Tolerance retries, with the same idempotency key.
        client = settings.apiKey().map(key -> StripeClient.builder()
                .setApiKey(key)
                .setApiBase(settings.apiBase())
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setReadTimeout(READ_TIMEOUT_MS)
                .setMaxNetworkRetries(0)
                .build()).orElse(null);
    }

    @Override
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 150, retryOn = StripeUnreachable.class)
    @CircuitBreaker(failOn = {StripeUnreachable.class, TimeoutException.class})
    @Bulkhead(20)
    @Fallback(fallbackMethod = "paymentsUnavailable", applyOn = {StripeUnreachable.class, FaultToleranceException.class})
    public CheckoutSession createCheckoutSession(CheckoutOrder order) {
        if (client == null) {
            throw new Unavailable("payments are not configured on this server (STRIPE_API_KEY)");
        }
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(order.userId().toString())
                .setCustomerEmail(order.email())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(settings.priceOf(order.tier())).setQuantity(1L).build())
                .putMetadata("user_id", order.userId().toString())
                .putMetadata("tier", order.tier().name())
                // The subscription carries the same metadata, so its own events name the user and the tier.
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", order.userId().toString())
                        .putMetadata("tier", order.tier().name()).build())
                .setSuccessUrl(order.returnUrl() + "/?checkout=success")
                .setCancelUrl(order.returnUrl() + "/?checkout=cancelled")
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(order.idempotencyKey()).build();
        try {
            Session session = client.v1().checkout().sessions().create(params, options);
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (ApiConnectionException | RateLimitException unreachable) {
            throw new StripeUnreachable(unreachable);
        } catch (ApiException stripeSideError) {
            throw new StripeUnreachable(stripeSideError);
        } catch (IdempotencyException reused) {
            throw new DomainException(Reason.CONFLICT, "this checkout request was already made with other details");
        } catch (StripeException refused) {
            // Our request was wrong (a missing price, a revoked key): retrying cannot help, an operator must act.
            LOG.log(Level.SEVERE, "Stripe refused a checkout: " + refused.getMessage());
            throw new Unavailable("payments are unavailable; the operators have been told");
        }
    }

    /** What callers get when Stripe cannot be reached, times out, or its circuit is open: a 503 to retry later. */
    CheckoutSession paymentsUnavailable(CheckoutOrder order) {
        throw new Unavailable("payments are unavailable right now; retry in a minute");
    }

    /** Stripe could not be reached or failed on its side: worth a retry. */
    static final class StripeUnreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StripeUnreachable(StripeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
