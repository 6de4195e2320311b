package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.RoomPlayService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The meters of live rooms, served at /metrics: open connections, rooms in memory, messages in and out by type,
 * vote-to-acknowledgement time and broadcast time.
 */
@ApplicationScoped
public class RoomMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;
    @Inject
    ConnectionRegistry connections;
    @Inject
    RoomPlayService play;

    private Timer voteAck;
    private Timer broadcast;
    /** Counters by message type, looked up once: these run for every frame in and out. */
    private final Map<String, Counter> messagesIn = new ConcurrentHashMap<>();
    private final Map<String, Counter> messagesOut = new ConcurrentHashMap<>();

    /** Registers the meters at start-up, so /metrics shows them (at zero) before the first connection. */
    void registerOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event instantiates the bean, which runs register().
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("scrumpoker_ws_connections")
                .withDescription("Open WebSocket connections on this node").build(), connections, ConnectionRegistry::size);
        registry.gauge(Metadata.builder().withName("scrumpoker_rooms_active")
                .withDescription("Rooms this node has connections in, or had in the last two minutes").build(), play, RoomPlayService::activeRooms);
        voteAck = registry.timer(Metadata.builder().withName("scrumpoker_vote_ack")
                .withDescription("From receiving vote.cast.v1 to the vote being committed and published to every node")
                .withUnit(MetricUnits.SECONDS).build());
        broadcast = registry.timer(Metadata.builder().withName("scrumpoker_broadcast")
                .withDescription("Encoding one room event and queueing it for every recipient")
                .withUnit(MetricUnits.SECONDS).build());
    }

    void messageIn(String type) {
        messagesIn.computeIfAbsent(type, t -> registry.counter("scrumpoker_ws_messages_in", new Tag("type", t))).inc();
    }

    void messagesOut(String type, int count) {
        messagesOut.computeIfAbsent(type, t -> registry.counter("scrumpoker_ws_messages_out", new Tag("type", t)))
                .inc(count);
    }

    void voteAcknowledged(long nanos) {
        voteAck.update(Duration.ofNanos(nanos));
    }

    void broadcastDone(long nanos) {
        broadcast.update(Duration.ofNanos(nanos));
    }
}
