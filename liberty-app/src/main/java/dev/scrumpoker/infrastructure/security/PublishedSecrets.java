package dev.scrumpoker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the application with a secret that was ever published in this repository: the development
 * values once committed for stripe-mock, the webhook endpoint and Admin Center. Anyone can read them, so a server
 * using one trusts forged webhooks or opens its administration to all. Local runs and tests use secrets made at
 * random for each checkout (scripts/lib/local-secrets.sh).
 */
@ApplicationScoped
public class PublishedSecrets {

    private static final Logger LOG = Logger.getLogger(PublishedSecrets.class.getName());
    /** {@code EX_CONFIG} of sysexits.h: the configuration is wrong. */
    private static final int EXIT_CONFIGURATION_ERROR = 78;

    /** Configuration property → values of it that this repository once held. */
    static final Map<String, List<String>> PUBLISHED = Map.of(
            "stripe.webhook.secret", List.of("whsec_local_development_only"),
            "stripe.api.key", List.of("sk_test_localStripeMockOnly"),
            "ADMIN_PASSWORD", List.of("local-admin-only"));

    void refuseOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        List<String> published = publishedIn(ConfigProvider.getConfig());
        if (!published.isEmpty()) {
            String message = "Refusing to start: " + String.join(", ", published) + " set to a value published in the"
                    + " Scrum Poker repository; set a secret of your own (docs/security.md)";
            LOG.severe(message);
            // Failing the application alone is not enough: Liberty would keep serving Admin Center with the published
            // password. The whole server stops (a pod crash-loops with this message), from a thread of its own so
            // that Liberty's shutdown does not wait on this application's start.
            Thread stop = new Thread(() -> System.exit(EXIT_CONFIGURATION_ERROR), "scrum-poker-refuse-published-secret");
            stop.start();
            throw new IllegalStateException(message);
        }
    }

    /** The names of the properties whose value was published. */
    static List<String> publishedIn(Config config) {
        return PUBLISHED.entrySet().stream()
                .filter(entry -> {
                    Optional<String> value = config.getOptionalValue(entry.getKey(), String.class);
                    return value.isPresent() && entry.getValue().contains(value.get().trim());
                })
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
