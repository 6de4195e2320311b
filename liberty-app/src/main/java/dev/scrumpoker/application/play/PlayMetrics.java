package dev.scrumpoker.application.play;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** The meters of room play, served at /metrics. */
@ApplicationScoped
public class PlayMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Timer voteAck;
    private Counter taken;
    private Counter handedOver;
    private Counter gaps;
    private Counter expired;

    @PostConstruct
    void register() {
        voteAck = registry.timer(Metadata.builder().withName("scrumpoker_vote_ack")
                .withDescription("From receiving vote.cast.v1 to the vote being committed and its event queued for the voter")
                .withUnit(MetricUnits.SECONDS).build());
        taken = registry.counter(Metadata.builder().withName("scrumpoker_rooms_taken")
                .withDescription("Rooms this node started playing (loaded from PostgreSQL with a new epoch)").build());
        handedOver = registry.counter(Metadata.builder().withName("scrumpoker_rooms_handed_over")
                .withDescription("Rooms this node played and handed to a node that joined the cluster").build());
        gaps = registry.counter(Metadata.builder().withName("scrumpoker_room_resyncs")
                .withDescription("Times room events went missing on their way to this node and the owner was asked for the state").build());
        expired = registry.counter(Metadata.builder().withName("scrumpoker_tickets_expired")
                .withDescription("Client messages passed to a room's owner that were never answered (answered UNAVAILABLE)").build());
    }

    void voteAcknowledged(long nanos) {
        voteAck.update(Duration.ofNanos(nanos));
    }

    void roomTaken() {
        taken.inc();
    }

    void roomHandedOver() {
        handedOver.inc();
    }

    void gapHealed() {
        gaps.inc();
    }

    void ticketExpired() {
        expired.inc();
    }
}
