package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.LocalNode;
import dev.scrumpoker.application.UpkeepThreads;
import dev.scrumpoker.application.play.ClusterView;
import dev.scrumpoker.application.play.RoomPlay;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * This node's membership of the cluster, on a heartbeat: it renews its lease (a key that expires unless renewed),
 * reads the others', and tells room play what changed:
 * <ul>
 *   <li>nodes whose lease ran out are gone: their rooms get new owners, their connections are let go of;</li>
 *   <li>nodes whose lease appeared joined: rooms that belong on them move there;</li>
 *   <li>this node's own lease had run out (it stalled, or was cut off from Redis): others may have taken its rooms;</li>
 *   <li>Redis was away or lost its data: messages between nodes may have been lost meanwhile.</li>
 * </ul>
 * After Redis lost its data every node needs a heartbeat to put its lease back, so for one lease period no node is
 * taken for dead. Nothing here is on the path of a message: a heartbeat that cannot reach Redis changes nothing, and
 * rooms whose people are all on their owner's node play on.
 */
@ApplicationScoped
public class RedisCluster implements ClusterView {

    private static final Logger LOG = Logger.getLogger(RedisCluster.class.getName());
    /** A key every node checks each beat: if it is gone, Redis lost what it held (restarted empty, flushed). */
    private static final String MARKER = "scrum-poker:marker";

    @Inject
    RedissonClient redis;
    @Inject
    LocalNode node;
    @Inject
    RoomPlay play;
    @Inject
    RedisNodeLink link;
    @Inject
    UpkeepThreads upkeep;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "cluster.heartbeat.ms", defaultValue = "2000")
    long heartbeatMillis;
    /** How long a node may miss heartbeats before the others take it for dead. */
    @Inject
    @ConfigProperty(name = "cluster.lease.ms", defaultValue = "10000")
    long leaseMillis;

    private volatile Set<String> live;
    private ScheduledFuture<?> heartbeat;
    private Set<String> lastSeen;
    private String marker;
    private boolean leased;
    private volatile boolean lastBeatFailed;
    private long recoveredAtNanos = System.nanoTime();
    private Counter joins;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info("This node is " + node.id() + " (room_play.owner names it for the rooms it plays)");
        live = Set.of(node.id());
        lastSeen = live;
        registry.gauge(Metadata.builder().withName("scrumpoker_cluster_nodes")
                .withDescription("Live nodes (leases in Redis) as this node's last heartbeat saw them, itself included")
                .build(), this, cluster -> cluster.live.size());
        joins = registry.counter(Metadata.builder().withName("scrumpoker_cluster_nodes_joined")
                .withDescription("Nodes this node saw join the cluster (each start of a node is a new node)").build());
        heartbeat = upkeep.scheduler()
                .scheduleWithFixedDelay(this::beatSafely, 0, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        try {
            // A clean stop lets the others take over this node's rooms at once rather than after the lease.
            redis.getBucket(RedisKeys.nodeLease(node.id())).delete();
        } catch (RedisException unreachable) {
            LOG.log(Level.FINE, "Cannot drop this node's lease on stop", unreachable);
        }
    }

    @Override
    public String self() {
        return node.id();
    }

    @Override
    public Set<String> liveNodes() {
        return live;
    }

    /** Whether the last heartbeat reached Redis. */
    boolean reachable() {
        return !lastBeatFailed;
    }

    @Override
    public Set<String> liveNodesNow() {
        try {
            Set<String> alive = alive(redis.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).readAll());
            // A node the heartbeat still counts (Redis came back and its lease is not renewed yet) counts here too.
            alive.addAll(live);
            return alive;
        } catch (RedisException unreachable) {
            return live;
        }
    }

    private void beatSafely() {
        try {
            beat();
        } catch (RedisException unreachable) {
            if (!lastBeatFailed) {
                LOG.log(Level.WARNING, "Redis is out of reach; rooms whose people are all on their owner's node play on",
                        unreachable);
            }
            lastBeatFailed = true;
        } catch (RuntimeException unexpected) {
            // A failed beat must not cancel the timer (scheduled tasks stop on the first exception).
            LOG.log(Level.WARNING, "Cluster heartbeat failed", unexpected);
        }
    }

    private void beat() {
        link.subscribe();
        RBatch renewal = redis.createBatch(BatchOptions.defaults());
        renewal.<String>getBucket(RedisKeys.nodeLease(node.id()), StringCodec.INSTANCE)
                .getAndSetAsync("alive", Duration.ofMillis(leaseMillis));
        renewal.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).addAsync(node.id());
        renewal.<String>getBucket(MARKER, StringCodec.INSTANCE).setIfAbsentAsync(UUID.randomUUID().toString());
        renewal.<String>getBucket(MARKER, StringCodec.INSTANCE).getAsync();
        renewal.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).readAllAsync();
        BatchResult<?> renewed = renewal.execute();
        boolean leaseWasThere = renewed.getResponses().get(0) != null;
        String seenMarker = (String) renewed.getResponses().get(3);
        @SuppressWarnings("unchecked")
        Set<String> known = (Set<String>) renewed.getResponses().get(4);

        boolean dataLost = marker != null && !marker.equals(seenMarker);
        boolean recovered = lastBeatFailed || dataLost;
        marker = seenMarker;
        if (recovered) {
            recoveredAtNanos = System.nanoTime();
        }
        if (leased && !leaseWasThere && !dataLost) {
            play.leaseLost();
        }
        leased = true;
        lastBeatFailed = false;
        see(known, alive(known));
        if (recovered) {
            LOG.info("Redis is back" + (dataLost ? " (it lost what it held)" : "")
                    + "; telling the rooms' owners again who is connected here");
            play.linkRestored();
        }
    }

    /** The known nodes whose lease is there, this one included. */
    private Set<String> alive(Set<String> known) {
        List<String> others = new ArrayList<>(known);
        others.remove(node.id());
        Set<String> alive = new HashSet<>();
        alive.add(node.id());
        if (others.isEmpty()) {
            return alive;
        }
        RBatch leases = redis.createBatch(BatchOptions.defaults());
        for (String other : others) {
            leases.getBucket(RedisKeys.nodeLease(other)).isExistsAsync();
        }
        List<?> exists = leases.execute().getResponses();
        for (int i = 0; i < others.size(); i++) {
            if (Boolean.TRUE.equals(exists.get(i))) {
                alive.add(others.get(i));
            }
        }
        return alive;
    }

    private void see(Set<String> known, Set<String> alive) {
        boolean settling = System.nanoTime() - recoveredAtNanos < TimeUnit.MILLISECONDS.toNanos(leaseMillis);
        Set<String> gone = new HashSet<>(lastSeen);
        gone.removeAll(alive);
        if (settling) {
            // Right after Redis came back, a missing lease may just not be renewed yet: nobody is dead yet.
            Set<String> view = new HashSet<>(alive);
            view.addAll(lastSeen);
            live = Set.copyOf(view);
            lastSeen = live;
            return;
        }
        Set<String> joined = new HashSet<>(alive);
        joined.removeAll(lastSeen);
        live = Set.copyOf(alive);
        lastSeen = live;
        if (!gone.isEmpty()) {
            play.nodesLeft(gone);
        }
        if (!joined.isEmpty()) {
            joins.inc(joined.size());
            play.nodesJoined(joined);
        }
        // Nodes without a lease are dead (a node sets its lease before it names itself): forget them.
        Set<String> dead = new HashSet<>(known);
        dead.removeAll(alive);
        if (!dead.isEmpty()) {
            redis.<String>getSet(RedisKeys.NODES, StringCodec.INSTANCE).removeAll(dead);
        }
    }
}
