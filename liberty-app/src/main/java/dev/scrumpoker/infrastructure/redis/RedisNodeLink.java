package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.LocalNode;
import dev.scrumpoker.application.play.NodeLink;
import dev.scrumpoker.application.play.NodeMessage;
import dev.scrumpoker.application.play.RoomPlay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.ByteArrayCodec;

/**
 * Messages between nodes over Redis pub/sub: every node subscribes to its own inbox channel only, so a message costs
 * Redis one delivery whatever the number of nodes. (Redis' sharded pub/sub would keep each inbox on one shard of a
 * Redis Cluster; Redisson 3.52's sharded publish kept using a dead connection after a Redis restart, measured in
 * RedisOutageIT, so the plain channel it is until that is fixed.)
 * Sending never blocks: each destination has an outbox whose messages go out in order, one publication in flight at a
 * time, everything queued meanwhile in the next one. A publication that fails (Redis away) is handed back to room play,
 * which answers the commands in it at once; one that is lost silently (pub/sub promises no delivery) is noticed by the
 * receivers' room {@code seq} and by unanswered tickets.
 */
@ApplicationScoped
public class RedisNodeLink implements NodeLink {

    private static final Logger LOG = Logger.getLogger(RedisNodeLink.class.getName());
    /** Messages in one publication at most; more wait for the next, a round trip later. */
    private static final int MAX_BATCH = 512;
    /**
     * Right after Redis came back, a publication may fail (pooled connections still broken) or reach nobody (the live
     * node's inbox not subscribed again yet): it is tried again this often, this far apart, while its node is alive and
     * the heartbeat reaches Redis (a few times only while it does not). Receivers drop what arrives twice.
     */
    private static final int ATTEMPTS = 15;
    /** While the heartbeat does not reach Redis, a publication gets a few tries only (the outage may just be ending). */
    private static final int ATTEMPTS_WHILE_AWAY = 3;
    private static final long RETRY_MILLIS = 200;

    @Inject
    RedissonClient redis;
    @Inject
    LocalNode node;
    @Inject
    RoomPlay play;
    @Inject
    RedisCluster cluster;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private final ConcurrentHashMap<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private volatile boolean subscribed;
    private Counter sent;
    private Counter published;
    private Counter dropped;
    private Counter received;
    private Counter unreadable;
    private Timer delivery;

    @PostConstruct
    void registerMeters() {
        Metadata messages = Metadata.builder().withName("scrumpoker_node_messages")
                .withDescription("Messages between nodes, by what became of them on this node").build();
        sent = metrics.counter(messages, new Tag("outcome", "sent"));
        dropped = metrics.counter(messages, new Tag("outcome", "dropped"));
        received = metrics.counter(messages, new Tag("outcome", "received"));
        unreadable = metrics.counter(messages, new Tag("outcome", "unreadable"));
        published = metrics.counter(Metadata.builder().withName("scrumpoker_node_publications")
                .withDescription("Publications to other nodes' inboxes (each carries one or more messages)").build());
        delivery = metrics.timer(Metadata.builder().withName("scrumpoker_node_message_delivery")
                .withDescription("From a publication's sending by another node to its reading on this node")
                .withUnit(MetricUnits.SECONDS).build());
    }

    @PreDestroy
    void stop() {
        if (subscribed) {
            try {
                inbox(node.id()).removeAllListeners();
            } catch (RedisException unreachable) {
                LOG.log(Level.FINE, "Cannot unsubscribe this node's inbox on stop", unreachable);
            }
        }
    }

    /** Subscribes to this node's inbox unless it is already: called on every heartbeat until it succeeds. */
    void subscribe() {
        if (subscribed) {
            return;
        }
        inbox(node.id()).addListener(byte[].class, (channel, message) -> receive(message));
        subscribed = true;
    }

    @Override
    public void send(String to, NodeMessage message) {
        outboxes.computeIfAbsent(to, Outbox::new).add(message);
    }

    private void receive(byte[] data) {
        NodeMessageCodec.Publication publication;
        try {
            publication = NodeMessageCodec.decode(data);
        } catch (IllegalArgumentException unreadableMessage) {
            unreadable.inc();
            LOG.log(Level.WARNING, "Skipping an unreadable message from another node", unreadableMessage);
            return;
        }
        delivery.update(Duration.of(Math.max(0, nowMicros() - publication.sentAtMicros()), ChronoUnit.MICROS));
        received.inc(publication.messages().size());
        for (NodeMessage message : publication.messages()) {
            try {
                play.receive(message);
            } catch (RuntimeException failed) {
                // Thrown on Redisson's thread it would be lost: the room heals by its seq and tickets.
                LOG.log(Level.WARNING, "Handling a message for room " + message.roomId() + " failed", failed);
            }
        }
    }

    private void undeliverable(List<NodeMessage> batch, Throwable failure) {
        dropped.inc(batch.size());
        LOG.log(Level.FINE, "A publication to another node was not delivered", failure);
        batch.forEach(play::undeliverable);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private RTopic inbox(String nodeId) {
        return redis.getTopic(RedisKeys.nodeInbox(nodeId), ByteArrayCodec.INSTANCE);
    }

    /** One destination's messages, in order, one publication at a time. */
    private final class Outbox {

        private final RTopic topic;
        private final Queue<NodeMessage> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean publishing = new AtomicBoolean();

        private final String to;

        Outbox(String to) {
            this.to = to;
            topic = inbox(to);
        }

        void add(NodeMessage message) {
            queue.add(message);
            pump();
        }

        private void pump() {
            while (!queue.isEmpty() && publishing.compareAndSet(false, true)) {
                List<NodeMessage> batch = new ArrayList<>();
                NodeMessage next;
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    publishing.set(false);
                    continue;
                }
                publish(batch, NodeMessageCodec.encode(batch, nowMicros()), 1);
                return;
            }
        }

        private void publish(List<NodeMessage> batch, byte[] publication, int attempt) {
            try {
                topic.publishAsync(publication).whenComplete((receivers, failure) -> {
                    published.inc();
                    boolean unheard = failure != null || receivers == 0;
                    int attempts = cluster.reachable() ? ATTEMPTS : ATTEMPTS_WHILE_AWAY;
                    if (unheard && attempt < attempts && cluster.liveNodes().contains(to)) {
                        // Later messages wait, so the order holds.
                        scheduler.schedule(() -> publish(batch, publication, attempt + 1), RETRY_MILLIS,
                                TimeUnit.MILLISECONDS);
                        return;
                    }
                    publishing.set(false);
                    if (unheard) {
                        undeliverable(batch, failure);
                    } else {
                        sent.inc(batch.size());
                    }
                    pump();
                });
            } catch (RedisException unreachable) {
                publishing.set(false);
                undeliverable(batch, unreachable);
            }
        }
    }
}
