package dev.scrumpoker.application.play;

import dev.scrumpoker.application.play.Command.CastVote;
import dev.scrumpoker.application.play.NodeMessage.FromOwner;
import dev.scrumpoker.application.play.NodeMessage.Moved;
import dev.scrumpoker.application.play.NodeMessage.ToOwner;
import dev.scrumpoker.application.room.RoomDeleted;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Room play as the rest of the node sees it: the WebSocket edge hands it what connections do, the cluster adapters
 * what other nodes send and how the cluster changes. Every call only posts work to the room's mailbox and returns;
 * the room's actor ({@link RoomActor}) does the rest, on this node if it owns the room, else by passing commands to
 * the node that does.
 */
@ApplicationScoped
public class RoomPlay {

    private static final Logger LOG = Logger.getLogger(RoomPlay.class.getName());
    /** Rooms that need nothing from this node for this long are let go of; they come back when needed. */
    private static final long RETIRE_IDLE_AFTER_NANOS = TimeUnit.MINUTES.toNanos(2);

    @Inject
    RoomActors actors;
    @Inject
    Tickets tickets;
    @Inject
    ClusterView view;
    @Inject
    PlayThreads threads;
    @Inject
    RoomRebalancing rebalancing;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private ScheduledFuture<?> sweeper;
    private ScheduledFuture<?> retirer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        registry.gauge(Metadata.builder().withName("scrumpoker_rooms_active")
                .withDescription("Rooms this node has connections in or plays, or had in the last two minutes").build(),
                actors, RoomActors::count);
        registry.gauge(Metadata.builder().withName("scrumpoker_rooms_owned")
                .withDescription("Rooms this node plays (owns)").build(), actors, RoomActors::owned);
        registry.gauge(Metadata.builder().withName("scrumpoker_tickets_pending")
                .withDescription("Client messages waiting for their room's owner to answer").build(), tickets, Tickets::size);
        sweeper = threads.scheduler().scheduleWithFixedDelay(this::expireTickets, 1, 1, TimeUnit.SECONDS);
        retirer = threads.scheduler().scheduleWithFixedDelay(this::retireIdleRooms, 10, 10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
            retirer.cancel(false);
        }
    }

    /** A connection opened: the room's owner decides whether it may come in. */
    public void open(Attendee attendee) {
        Origin origin = origin(attendee, null, tickets.open(attendee, null, false));
        actors.post(attendee.roomId(), actor -> actor.opened(attendee, origin));
    }

    /** A client message of a connection, already read and checked for form. */
    public void handle(Attendee attendee, Command command, String requestId) {
        long ticket = tickets.open(attendee, requestId, command instanceof CastVote);
        RoomCommand roomCommand = new RoomCommand(attendee.roomId(), origin(attendee, requestId, ticket), command, 0);
        actors.post(attendee.roomId(), actor -> actor.command(attendee, roomCommand));
    }

    /**
     * A connection closed, for whatever reason: its seat stays. A room this node no longer holds (it did not exist,
     * and its connections were sent away) has nothing to hear.
     */
    public void closed(Attendee attendee) {
        Origin origin = origin(attendee, null, 0);
        actors.postIfHeld(attendee.roomId(), actor -> actor.closed(attendee, origin));
    }

    /** After a room was deleted: its owner tells every connection, on every node, then closes them (4404). */
    void roomDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeleted deleted) {
        actors.post(deleted.roomId(), RoomActor::deleted);
    }

    /** What another node sent this one. */
    public void receive(NodeMessage message) {
        if (message instanceof ToOwner toOwner) {
            actors.post(message.roomId(), actor -> actor.fromNode(toOwner.command()));
        } else if (message instanceof FromOwner fromOwner) {
            actors.post(message.roomId(), actor -> actor.fromOwner(fromOwner));
        } else if (message instanceof Moved moved) {
            actors.post(message.roomId(), actor -> actor.moved(moved));
        }
    }

    /**
     * A message this node could not send (Redis away): commands of this node's connections in it are answered
     * {@code UNAVAILABLE} now rather than after their ticket's patience. Other nodes' output is recovered by them.
     */
    public void undeliverable(NodeMessage message) {
        if (message instanceof ToOwner toOwner && toOwner.command().origin() != null
                && toOwner.command().origin().node().equals(view.self())) {
            tickets.refuse(toOwner.command().origin().ticket(), "the room's owner cannot be reached right now; retry");
        }
    }

    /** Nodes whose lease ran out: their connections are gone, and the rooms they played need a new owner. */
    public void nodesLeft(Set<String> gone) {
        LOG.info("Nodes gone: " + gone + "; their rooms are taken over and their connections let go of");
        actors.postToAll(actor -> actor.nodesLeft(gone));
    }

    /** Nodes joined the cluster: rooms that belong on them move there, after a while and a few at a time. */
    public void nodesJoined(Set<String> joined) {
        rebalancing.nodesJoined(joined);
    }

    /** This node's own lease had run out: others may have taken its rooms, so it gives them up and asks again. */
    public void leaseLost() {
        LOG.warning("This node's lease had run out; giving up the rooms it played until their owners are known again");
        actors.postToAll(RoomActor::leaseLost);
    }

    /** Redis is back after an outage: messages between nodes may have been lost meanwhile. */
    public void linkRestored() {
        actors.postToAll(RoomActor::linkRestored);
    }

    private Origin origin(Attendee attendee, String requestId, long ticket) {
        return new Origin(view.self(), attendee.connectionId(), attendee.userId(), attendee.participantId(), requestId,
                ticket);
    }

    private void expireTickets() {
        try {
            tickets.expire(System.nanoTime());
        } catch (RuntimeException unexpected) {
            // A failed run must not cancel the timer (scheduled tasks stop on the first exception).
            LOG.log(Level.WARNING, "Expiring tickets failed", unexpected);
        }
    }

    private void retireIdleRooms() {
        long now = System.nanoTime();
        actors.postToAll(actor -> actor.retireIfIdle(now, RETIRE_IDLE_AFTER_NANOS));
    }
}
