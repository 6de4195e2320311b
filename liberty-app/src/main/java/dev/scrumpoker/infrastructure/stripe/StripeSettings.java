package dev.scrumpoker.infrastructure.stripe;

import dev.scrumpoker.domain.account.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's configuration, from the environment (STRIPE_API_KEY, STRIPE_API_BASE, STRIPE_WEBHOOK_SECRET,
 * STRIPE_PRICE_PRO, STRIPE_PRICE_TEAM). The key and the webhook secret have no defaults here: without them checkout
 * answers 503 and every webhook is refused.
 */
@ApplicationScoped
public class StripeSettings {

    @Inject
    @ConfigProperty(name = "stripe.api.key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "stripe.api.base", defaultValue = "https://api.stripe.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "stripe.webhook.secret")
    Optional<String> webhookSecret;

    /** How old a signed webhook may be, in seconds: Stripe's libraries default to 5 minutes. */
    @Inject
    @ConfigProperty(name = "stripe.webhook.tolerance", defaultValue = "300")
    long webhookToleranceSeconds;

    @Inject
    @ConfigProperty(name = "stripe.price.pro", defaultValue = "price_pro")
    String pricePro;

    @Inject
    @ConfigProperty(name = "stripe.price.team", defaultValue = "price_team")
    String priceTeam;

    Optional<String> apiKey() {
        return apiKey.filter(key -> !key.isBlank());
    }

    String apiBase() {
        return apiBase;
    }

    Optional<String> webhookSecret() {
        return webhookSecret.filter(secret -> !secret.isBlank());
    }

    long webhookToleranceSeconds() {
        return webhookToleranceSeconds;
    }

    String priceOf(Tier tier) {
        return switch (tier) {
            case PRO -> pricePro;
            case TEAM -> priceTeam;
            case FREE -> throw new IllegalArgumentException("the free tier has no price");
        };
    }

    /** The tier a Stripe price id stands for, if it is one of ours. */
    Optional<Tier> tierOfPrice(String priceId) {
        return Optional.ofNullable(Map.of(pricePro, Tier.PRO, priceTeam, Tier.TEAM).get(priceId));
    }
}
