package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.billing.CheckoutService;
import dev.scrumpoker.application.billing.PaymentEvents;
import dev.scrumpoker.application.billing.PaymentGateway;
import dev.scrumpoker.application.billing.SubscriptionService;
import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.billing.Subscription;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.interfaces.representation.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Paid tiers: Stripe Checkout to upgrade, Stripe's signed webhooks to apply the outcome, and the caller's plan. */
@Path("/subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
public class SubscriptionResource {

    @Inject
    CheckoutService checkouts;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    PaymentEvents webhooks;
    @Inject
    Caller caller;
    @Inject
    PublicUrl publicUrl;

    public record CheckoutRequest(String tier) {
    }

    public record CheckoutResponse(String sessionId, String url) {
    }

    public record SubscriptionResponse(String tier, String status, Instant currentPeriodEnd) {
    }

    @POST
    @Path("/checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Start a Stripe Checkout for PRO or TEAM; registered users only. An Idempotency-Key header "
            + "makes retries of one request return the same session")
    public Response checkout(CheckoutRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Tier tier = Bodies.enumValue("tier", Bodies.require(request).tier(), Tier.class, null);
        if (tier == null) {
            throw DomainException.invalid("tier is required: PRO or TEAM");
        }
        PaymentGateway.CheckoutSession session = checkouts.checkout(caller.id(), tier, idempotencyKey,
                publicUrl.base());
        return Response.status(Response.Status.CREATED).entity(new CheckoutResponse(session.id(), session.url()))
                .build();
    }

    /** Read as bytes: the signature covers the exact payload, which no JSON binding may touch first. */
    @POST
    @Path("/webhook")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stripe's webhook endpoint: verified by Stripe-Signature, each event applied at most once")
    public Map<String, Boolean> webhook(byte[] payload, @HeaderParam("Stripe-Signature") String signature) {
        PaymentEvents.Delivery event = webhooks.read(new String(payload, StandardCharsets.UTF_8), signature);
        subscriptions.apply(event.id(), event.type(), event.event());
        return Map.of("received", true);
    }

    @GET
    @Path("/me")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The caller's plan: the tier in force, Stripe's status of the subscription, its period end")
    public SubscriptionResponse mine() {
        Subscription subscription = subscriptions.of(caller.id());
        return new SubscriptionResponse(subscription.entitledTier().name(), subscription.status(),
                subscription.currentPeriodEnd());
    }
}
