package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.LocalNode;
import dev.scrumpoker.application.RoomBulletin;
import dev.scrumpoker.application.SharedRoom;
import dev.scrumpoker.application.SharedRooms;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.LockOptions;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The shared room state in Redis. Per room: a JSON document with the room's state and last {@code seq}, the seq on
 * its own (it outlives the state), and a lock with a lease (a node that dies holding it cannot block the room for
 * longer than the lease). A turn's write is one atomic script, fenced by seq ({@code redis/write-room.lua}): the
 * state, the seq, the node's membership of the room, and the events published on the one topic every node
 * subscribes to. A write that arrives after another turn got in (a lease ran out, a timed-out call landed late) is
 * refused whole, so no update is lost and no event is sent twice. The state expires when no node has kept it alive
 * for a while; PostgreSQL has it all.
 */
@ApplicationScoped
public class RedisSharedRooms implements SharedRooms {

    private static final Logger LOG = Logger.getLogger(RedisSharedRooms.class.getName());
    /** A room's seq outlives its state by far: a day without any event in the room, then numbering may restart. */
    private static final String WRITE_ROOM = script("/redis/write-room.lua");
    /**
     * A waiting turn polls the room's lock (1 ms, doubling to 16 ms) instead of subscribing to its release: a node
     * queues its own requests for a room locally, so at most one waiter per node competes, and a storm of joins would
     * otherwise open a pub/sub subscription per waiting room (measured: join p50 over 700 ms at 500 rooms).
     */
    private static final LockOptions.BackOff LOCK_BACK_OFF = new LockOptions.ExponentialBackOff()
            .initialDelay(1).maxDelay(16).multiplier(2);
    private static final Duration SEQ_TTL = Duration.ofDays(1);

    @Inject
    RedissonClient redis;
    @Inject
    LocalNode node;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "room.lock.wait.ms", defaultValue = "5000")
    long lockWaitMillis;
    /** Longer than a turn takes; a turn that outlives it is fenced off at its write (see redis/write-room.lua). */
    @Inject
    @ConfigProperty(name = "room.lock.lease.ms", defaultValue = "5000")
    long lockLeaseMillis;
    @Inject
    @ConfigProperty(name = "room.state.ttl.minutes", defaultValue = "10")
    long stateTtlMinutes;

    private Counter hits;
    private Counter misses;

    @PostConstruct
    void registerMeters() {
        Metadata cache = Metadata.builder().withName("scrumpoker_room_state_cache")
                .withDescription("Reads of shared room state: hit in Redis, or missed and loaded from PostgreSQL").build();
        hits = metrics.counter(cache, new Tag("result", "hit"));
        misses = metrics.counter(cache, new Tag("result", "miss"));
    }

    @Override
    public Lease lock(String roomId) {
        RLock lock = redis.getSpinLock(RedisKeys.roomLock(roomId), LOCK_BACK_OFF);
        boolean held;
        try {
            held = lock.tryLock(lockWaitMillis, lockLeaseMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the room", interrupted);
        } catch (RedisException unreachable) {
            throw unavailable("the room's shared state cannot be reached", unreachable);
        }
        if (!held) {
            throw new DomainException(Reason.UNAVAILABLE, "the room is busy; retry");
        }
        return () -> release(lock, roomId);
    }

    @Override
    public Optional<SharedRoom> read(String roomId) {
        String json;
        try {
            json = redis.<String>getBucket(RedisKeys.roomState(roomId), StringCodec.INSTANCE).get();
        } catch (RedisException unreachable) {
            throw unavailable("the room's shared state cannot be read", unreachable);
        }
        if (json != null) {
            try {
                SharedRoom room = RoomStateCodec.decodeState(json);
                hits.inc();
                return Optional.of(room);
            } catch (JsonbException | IllegalArgumentException unreadable) {
                // Written by a node of another version, say: PostgreSQL has everything durable, so start from there.
                LOG.log(Level.WARNING, "Unreadable shared state of room " + roomId + "; reloading it", unreadable);
            }
        }
        misses.inc();
        return Optional.empty();
    }

    @Override
    public long lastSeq(String roomId) {
        try {
            return redis.getAtomicLong(RedisKeys.roomSeq(roomId)).get();
        } catch (RedisException unreachable) {
            throw unavailable("the room's sequence cannot be read", unreachable);
        }
    }

    @Override
    public void write(SharedRoom room, long expectedSeq, List<RoomBulletin> bulletins) {
        List<Object> keys = List.of(RedisKeys.roomState(room.roomId()), RedisKeys.roomSeq(room.roomId()),
                RedisKeys.nodeRooms(node.id()));
        List<String> args = new ArrayList<>(7 + bulletins.size());
        args.add(Long.toString(expectedSeq));
        args.add(Long.toString(room.seq()));
        args.add(RoomStateCodec.encode(room));
        args.add(Long.toString(Duration.ofMinutes(stateTtlMinutes).toMillis()));
        args.add(Long.toString(SEQ_TTL.toMillis()));
        args.add(room.roomId());
        args.add(RedisKeys.ROOM_EVENTS);
        bulletins.forEach(bulletin -> args.add(RoomStateCodec.encode(bulletin)));
        Long written;
        try {
            written = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, WRITE_ROOM,
                    RScript.ReturnType.INTEGER, keys, args.toArray());
        } catch (RedisException unreachable) {
            // The outcome is unknown: the script may still run. The seq fence keeps a late run from doing harm.
            LOG.warning("Writing room " + room.roomId() + " at seq " + room.seq() + " failed: " + unreachable);
            throw unavailable("the room's shared state cannot be written", unreachable);
        }
        if (written == null || written != 1L) {
            LOG.warning("Room " + room.roomId() + " changed under a turn that expected seq " + expectedSeq
                    + "; its write was refused");
            throw new SharedRooms.Conflict(room.roomId(), expectedSeq);
        }
    }

    @Override
    public void forget(String roomId, List<RoomBulletin> bulletins) {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        batch.getBucket(RedisKeys.roomState(roomId)).deleteAsync();
        for (RoomBulletin bulletin : bulletins) {
            batch.<String>getTopic(RedisKeys.ROOM_EVENTS, StringCodec.INSTANCE).publishAsync(RoomStateCodec.encode(bulletin));
        }
        execute(batch, "the room's shared state cannot be dropped");
    }

    /** Keeps the shared state of rooms this node has connections in from expiring while nobody acts in them. */
    void keepAlive(Collection<String> roomIds) {
        if (roomIds.isEmpty()) {
            return;
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        for (String roomId : roomIds) {
            batch.getBucket(RedisKeys.roomState(roomId)).expireAsync(Duration.ofMinutes(stateTtlMinutes));
        }
        execute(batch, "the rooms' shared state cannot be kept alive");
    }

    private static void execute(RBatch batch, String failure) {
        try {
            batch.execute();
        } catch (RedisException unreachable) {
            throw unavailable(failure, unreachable);
        }
    }

    private static void release(RLock lock, String roomId) {
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException expired) {
            // The lease ran out before the turn ended: another node may already have taken the room.
            LOG.log(Level.WARNING, "The lock of room " + roomId + " expired during a turn", expired);
        } catch (RedisException unreachable) {
            // Redis went away mid-turn; the lease expires by itself.
            LOG.log(Level.FINE, "Cannot release the lock of room " + roomId, unreachable);
        }
    }

    private static String script(String resource) {
        try (InputStream in = RedisSharedRooms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DomainException unavailable(String message, Exception cause) {
        LOG.log(Level.FINE, message, cause);
        return new DomainException(Reason.UNAVAILABLE, message + "; retry shortly");
    }
}
