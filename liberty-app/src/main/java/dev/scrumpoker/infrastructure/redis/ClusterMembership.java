package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.LocalNode;
import dev.scrumpoker.application.RoomBulletin;
import dev.scrumpoker.application.RoomPlayService;
import dev.scrumpoker.domain.shared.DomainException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode.InfoSection;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * This node's membership of the cluster, renewed on a heartbeat:
 * <ul>
 *   <li>it subscribes once to the room-event topic and hands every event to {@link RoomPlayService#deliver};</li>
 *   <li>it renews its lease, and keeps the shared state of its rooms from expiring;</li>
 *   <li>it notices when Redis lost or may have lost what it shared (Redis restarted, was out of reach, or this node's
 *       lease had run out) and has its rooms resynchronised;</li>
 *   <li>it finds nodes whose lease ran out and lets their connections go, room by room.</li>
 * </ul>
 */
@ApplicationScoped
public class ClusterMembership {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());
    private static final Duration KEEP_ALIVE_EVERY = Duration.ofMinutes(1);

    @Inject
    RedissonClient redis;
    @Inject
    RedisSharedRooms rooms;
    @Inject
    RoomPlayService play;
    @Inject
    LocalNode node;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "cluster.heartbeat.ms", defaultValue = "2000")
    long heartbeatMillis;
    /** How long a node may miss heartbeats before the others let its connections go. */
    @Inject
    @ConfigProperty(name = "cluster.lease.ms", defaultValue = "10000")
    long leaseMillis;

    private ScheduledExecutorService timer;
    private Timer delivery;
    private final Map<RoomPlayService.Delivery, Counter> outcomes = new EnumMap<>(RoomPlayService.Delivery.class);
    private boolean subscribed;
    /** What the last heartbeat saw; a change means what was shared may be gone. */
    private String redisRunId;
    private boolean lastBeatFailed;
    private long beats;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        delivery = metrics.timer(Metadata.builder().withName("scrumpoker_room_event_delivery")
                .withDescription("From a room event's publication by any node to its queueing on this node's connections")
                .withUnit(MetricUnits.SECONDS).build());
        Metadata received = Metadata.builder().withName("scrumpoker_room_events_received")
                .withDescription("Room events received from the topic, by what became of them on this node").build();
        for (RoomPlayService.Delivery outcome : RoomPlayService.Delivery.values()) {
            outcomes.put(outcome, metrics.counter(received, new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))));
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scrum-poker-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beatSafely, 0, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            // A clean stop gives the node's connections up at once rather than after the lease.
            redis.getBucket(RedisKeys.nodeLease(node.id())).delete();
        } catch (RedisException unreachable) {
            LOG.log(Level.FINE, "Cannot drop this node's lease on stop", unreachable);
        }
    }

    private void beatSafely() {
        try {
            beat();
            lastBeatFailed = false;
        } catch (RedisException | DomainException unreachable) {
            if (!lastBeatFailed) {
                LOG.log(Level.WARNING, "Redis is out of reach; rooms resynchronise when it is back", unreachable);
            }
            lastBeatFailed = true;
        } catch (RuntimeException unexpected) {
            // A failed beat must not cancel the timer (scheduled tasks stop on the first exception).
            LOG.log(Level.WARNING, "Cluster heartbeat failed", unexpected);
        }
    }

    private void beat() {
        subscribeOnce();
        String runId = redis.getRedisNodes(RedisNodes.SINGLE).getInstance().info(InfoSection.SERVER).get("run_id");
        boolean leaseWasThere = renewLease();
        boolean mayHaveLostState = lastBeatFailed || !leaseWasThere || (redisRunId != null && !redisRunId.equals(runId));
        boolean firstBeat = redisRunId == null;
        redisRunId = runId;
        if (mayHaveLostState && !firstBeat) {
            LOG.info("Redis may have lost or missed shared room state; resynchronising this node's rooms");
            play.resyncAll();
        }
        // The state expires after minutes; renewing it about once a minute is plenty.
        if (beats++ % Math.max(1, KEEP_ALIVE_EVERY.toMillis() / heartbeatMillis) == 0) {
            rooms.keepAlive(play.roomsWithConnections());
        }
        reapDeadNodes();
    }

    private void subscribeOnce() {
        if (subscribed) {
            return;
        }
        RTopic topic = redis.getTopic(RedisKeys.ROOM_EVENTS, StringCodec.INSTANCE);
        topic.addListener(String.class, (channel, message) -> deliver(message));
        subscribed = true;
    }

    private void deliver(String message) {
        try {
            RoomBulletin bulletin = RoomStateCodec.decodeBulletin(message);
            RoomPlayService.Delivery outcome = play.deliver(bulletin);
            if (outcome != RoomPlayService.Delivery.NOT_HERE) {
                delivery.update(Duration.between(bulletin.at(), Instant.now()));
            }
            outcomes.get(outcome).inc();
            if (outcome == RoomPlayService.Delivery.DELIVERED_AFTER_GAP) {
                LOG.warning("Room " + bulletin.roomId() + ": events before seq " + bulletin.seq()
                        + " never reached this node; its connections here were sent the room's state");
            }
        } catch (JsonbException | IllegalArgumentException unreadable) {
            LOG.log(Level.WARNING, "Skipping an unreadable room event", unreadable);
        } catch (RuntimeException failed) {
            // Thrown on Redisson's thread it would be lost; the rooms' connections resync from the next state.
            LOG.log(Level.WARNING, "Delivering a room event failed", failed);
        }
    }

    /** Renews this node's lease; answers whether it was still there (if not, others may have let our connections go). */
    private boolean renewLease() {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        batch.<String>getBucket(RedisKeys.nodeLease(node.id()), StringCodec.INSTANCE)
                .getAndSetAsync("alive", Duration.ofMillis(leaseMillis));
        batch.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).addAsync(node.id());
        BatchResult<?> result = batch.execute();
        return result.getResponses().get(0) != null;
    }

    private void reapDeadNodes() {
        Set<String> known = redis.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).readAll();
        List<String> others = new ArrayList<>(known);
        others.remove(node.id());
        if (others.isEmpty()) {
            return;
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        for (String other : others) {
            batch.getBucket(RedisKeys.nodeLease(other)).isExistsAsync();
        }
        List<?> alive = batch.execute().getResponses();
        for (int i = 0; i < others.size(); i++) {
            if (!Boolean.TRUE.equals(alive.get(i))) {
                reap(others.get(i));
            }
        }
    }

    private void reap(String deadNode) {
        Set<String> itsRooms = redis.<String>getSet(RedisKeys.nodeRooms(deadNode), StringCodec.INSTANCE).readAll();
        LOG.info("Node " + deadNode + " is gone; releasing its connections in " + itsRooms.size() + " rooms");
        for (String roomId : itsRooms) {
            try {
                play.releaseNode(roomId, deadNode);
            } catch (DomainException notThere) {
                LOG.log(Level.FINE, "Room " + roomId + " of node " + deadNode + " not released", notThere);
            }
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        batch.getSet(RedisKeys.nodeRooms(deadNode)).deleteAsync();
        batch.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).removeAsync(deadNode);
        batch.execute();
    }
}

