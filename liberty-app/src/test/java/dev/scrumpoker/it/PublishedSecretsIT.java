package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server given a secret this repository once published (anyone can read it, so it would trust forged webhooks)
 * does not start: it logs why and its JVM ends, so Admin Center is not left serving either. Node B is the guinea pig,
 * and runs normally again afterwards.
 */
class PublishedSecretsIT {

    private static final Duration START_AND_STOP = Duration.ofMinutes(3);

    @Test
    void aServerWithThePublishedWebhookSecretRefusesToStart() {
        Server.B.stop();

        Server.B.startWith(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_local_development_only"));

        await("the refusal in node B's log").atMost(START_AND_STOP).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> Server.B.messages().contains("Refusing to start: stripe.webhook.secret"));
        await("node B's JVM gone").atMost(START_AND_STOP).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Server.B.isUp());
        assertFalse(Server.B.messages().contains("CWWKZ0001I: Application scrum-poker started"),
                "the application never reported itself started");
    }

    @AfterAll
    static void nodeBRunsNormallyAgain() {
        Server.B.stop();
        TwoNodeTest.startBIfDown();
    }
}
