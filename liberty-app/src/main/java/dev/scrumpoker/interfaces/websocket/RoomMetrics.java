package dev.scrumpoker.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** The meters of the WebSocket edge, served at /metrics: open connections, frames in by type and frames out. */
@ApplicationScoped
public class RoomMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;
    @Inject
    ConnectionRegistry connections;

    private Counter framesOut;
    /** Counters by message type, looked up once: these run for every frame. */
    private final Map<String, Counter> messagesIn = new ConcurrentHashMap<>();

    /** Registers the meters at start-up, so /metrics shows them (at zero) before the first connection. */
    void registerOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Observing the event instantiates the bean, which runs register().
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("scrumpoker_ws_connections")
                .withDescription("Open WebSocket connections on this node").build(), connections, ConnectionRegistry::size);
        framesOut = registry.counter(Metadata.builder().withName("scrumpoker_ws_messages_out")
                .withDescription("Text frames sent to this node's connections").build());
    }

    void messageIn(String type) {
        messagesIn.computeIfAbsent(type, t -> registry.counter("scrumpoker_ws_messages_in", new Tag("type", t))).inc();
    }

    Counter framesOut() {
        return framesOut;
    }
}
