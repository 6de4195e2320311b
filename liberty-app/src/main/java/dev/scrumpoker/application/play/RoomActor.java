package dev.scrumpoker.application.play;

import dev.scrumpoker.application.Unavailable;
import dev.scrumpoker.application.play.Attendee.Dismissal;
import dev.scrumpoker.application.play.Command.Close;
import dev.scrumpoker.application.play.Command.Detach;
import dev.scrumpoker.application.play.Command.Enter;
import dev.scrumpoker.application.play.Command.Join;
import dev.scrumpoker.application.play.Command.Reattach;
import dev.scrumpoker.application.play.Command.ReleaseNode;
import dev.scrumpoker.application.play.NodeMessage.FromOwner;
import dev.scrumpoker.application.play.NodeMessage.Moved;
import dev.scrumpoker.application.play.NodeMessage.ToOwner;
import dev.scrumpoker.application.play.Output.Answer;
import dev.scrumpoker.application.play.RoomJournal.Outcome;
import dev.scrumpoker.application.play.RoomRecords.Claimed;
import dev.scrumpoker.application.play.RoomRecords.Located;
import dev.scrumpoker.application.play.RoomRecords.NotFound;
import dev.scrumpoker.application.play.RoomRecords.OwnedBy;
import dev.scrumpoker.domain.shared.Reason;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A room on this node: its connections here ({@link RoomAudience}), where its owner is, and, when this node is the
 * owner, the owner itself ({@link RoomOwner}). Everything about the room on this node happens in its {@link Mailbox},
 * one task at a time: commands of this node's connections and those other nodes pass on, what the owner sends back,
 * the journal's verdicts and changes in the cluster. Nothing here waits for a lock, for Redis or for PostgreSQL:
 * finding or taking the room runs on the loading threads and comes back as a task.
 */
final class RoomActor implements RoomAudience.Listener {

    private static final Logger LOG = Logger.getLogger(RoomActor.class.getName());
    /** Nodes that disagree about the owner pass a command on at most this often before it is refused. */
    private static final int MAX_HOPS = 2;
    /**
     * A gap is healed by one reattach at a time: the next waits this long after the last, and is sent then if events
     * are still held back (the reattach or its answer went missing too, or another gap opened meanwhile).
     */
    private static final long RESYNC_QUIET_NANOS = 2_000_000_000L;
    /** Per node, more than a room's commands can have in flight. */
    private static final int RECENT_TICKETS = 1024;

    final String roomId;
    private final PlayServices services;
    private final Mailbox<Consumer<RoomActor>> mailbox;
    private final RoomAudience audience;
    private RoomOwner owner;
    /** Where the room is played, as far as this node knows; null while unknown. */
    private String route;
    private boolean locating;
    /** Stop taking commands until the steps in flight settle, then find the owner again (this node's lease ran out). */
    private boolean abandoning;
    /** The node this one is handing the room to (it joined the cluster and the room belongs there); null if none. */
    private String handingOverTo;
    private boolean handOverAsked;
    private final ArrayDeque<RoomCommand> awaitingRoute = new ArrayDeque<>();
    /** Presence known to this node's last owner of the room, kept for the next one after a rebuild. */
    private Map<String, Map<String, UUID>> carriedBook = Map.of();
    private long resyncRequestedAt;
    /** A look at whether the gap was healed is due (after the quiet time): nothing else has to ask meanwhile. */
    private boolean healCheckDue;
    /** Tickets of commands other nodes sent lately, by node: a publication Redis resent must not act twice. */
    private final Map<String, Set<Long>> seenTickets = new HashMap<>();
    /** When the room was first seen to need nothing from this node; 0 while it does. */
    private long idleSinceNanos;
    private boolean closed;

    RoomActor(String roomId, PlayServices services) {
        this.roomId = roomId;
        this.services = services;
        this.mailbox = new Mailbox<>(services.rooms(), work -> work.accept(this));
        this.audience = new RoomAudience(services.self(), services.frames(), this);
    }

    boolean post(Consumer<RoomActor> work) {
        return mailbox.post(work);
    }

    boolean isOwner() {
        return owner != null;
    }

    // ---- what this node's connections do

    void opened(Attendee attendee, Origin origin) {
        audience.add(attendee);
        dispatch(new RoomCommand(roomId, origin, new Enter(attendee.inviteKey()), 0));
    }

    void command(Attendee attendee, RoomCommand command) {
        if (command.command() instanceof Join && attendee.participantId() == null) {
            audience.joining(attendee);
        }
        dispatch(command);
    }

    void closed(Attendee attendee, Origin origin) {
        boolean known = audience.remove(attendee);
        if (known && (owner != null || route != null)) {
            dispatch(new RoomCommand(roomId, origin, new Detach(), 0));
        } else if (owner == null && route == null && isIdle()) {
            // Nothing is known here about where the room is (it does not exist, or its connections were sent away
            // while this actor was let go of): keeping it would only keep a handle.
            services.retire(this);
        }
    }

    /** The room was deleted (on any node): its owner tells everyone. */
    void deleted() {
        dispatch(new RoomCommand(roomId, null, new Close(), 0));
    }

    // ---- what other nodes send

    void fromNode(RoomCommand command) {
        Origin origin = command.origin();
        if (origin != null && origin.ticket() != 0
                && !seenTickets.computeIfAbsent(origin.node(), node -> recentTickets()).add(origin.ticket())) {
            return;
        }
        dispatch(command);
    }

    void fromOwner(FromOwner message) {
        if (owner == null && !message.owner().equals(route) && !message.owner().equals(services.self())) {
            // The room changed hands without this node noticing yet: follow the one that speaks.
            route = message.owner();
        }
        audience.deliver(message.epoch(), message.outputs());
    }

    void moved(Moved moved) {
        if (owner == null && !moved.owner().equals(route)) {
            route = moved.owner();
            reattach();
        }
    }

    private static Set<Long> recentTickets() {
        return Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > RECENT_TICKETS;
            }
        });
    }

    // ---- changes in the cluster

    void nodesLeft(Set<String> gone) {
        if (handingOverTo != null && !handOverAsked && gone.contains(handingOverTo)) {
            stopHandingOver();
            drainAwaiting();
        }
        if (owner != null) {
            for (String node : gone) {
                if (owner.knows(node)) {
                    // Through the mailbox's rules: while the room is being given up, the next owner releases them.
                    dispatch(new RoomCommand(roomId, null, new ReleaseNode(node), 0));
                }
            }
        }
        if (owner == null && route != null && gone.contains(route)) {
            route = null;
            if (!audience.isEmpty()) {
                locate();
            }
        }
    }

    /** This node's lease ran out: another node may play its rooms now. Settle what is in flight, then find out. */
    void leaseLost() {
        if (owner != null) {
            abandoning = true;
            finishAbandoningIfSettled();
        }
    }

    /**
     * Nodes joined the cluster: if the room now belongs on one of them ({@link RoomPlacement} over {@code live}),
     * stop taking commands, let the steps in flight settle, then name that node the owner and pass everything on.
     */
    void nodesJoined(Set<String> joined, Set<String> live) {
        if (owner == null || abandoning || handingOverTo != null || owner.isDeserted()) {
            return;
        }
        String preferred = RoomPlacement.preferred(roomId, live);
        if (preferred != null && joined.contains(preferred) && !preferred.equals(services.self())) {
            handingOverTo = preferred;
            finishHandingOverIfSettled();
        }
    }

    /** Redis came back: what went between nodes meanwhile may be lost, so tell the owner again who is here. */
    void linkRestored() {
        LOG.fine(() -> "Room " + roomId + ": link restored; owner here " + (owner != null) + ", route " + route);
        if (owner == null && route != null && !audience.isEmpty()) {
            reattach();
        }
    }

    // ---- commands

    private void dispatch(RoomCommand command) {
        if (owner != null && !abandoning && handingOverTo == null) {
            apply(command);
        } else if (owner == null && route != null) {
            forward(route, command);
        } else {
            awaitingRoute.add(command);
            if (owner == null) {
                locate();
            }
        }
    }

    private void apply(RoomCommand command) {
        RoomOwner current = owner;
        Step step = current.apply(command);
        services.journal().append(new RoomJournal.Entry(roomId, current.epoch, step.fromSeq, current.seq(),
                step.writes, outcome -> services.post(roomId, actor -> actor.journaled(current, outcome))));
    }

    private void forward(String node, RoomCommand command) {
        if (node.equals(services.self())) {
            // Not owner here after all (the owner was given up meanwhile): find out again.
            awaitingRoute.add(command);
            locate();
            return;
        }
        if (command.hops() > MAX_HOPS) {
            refuse(command, Reason.UNAVAILABLE, "the room's owner cannot be found right now; retry", null);
            return;
        }
        Origin origin = command.origin();
        boolean local = isLocal(command);
        if (!local) {
            // The sender thought this node was the owner: tell it where the room is played.
            services.link().send(origin.node(), new Moved(roomId, node));
        }
        services.link().send(node, new ToOwner(local ? command : command.passedOn()));
    }

    private boolean isLocal(RoomCommand command) {
        return command.origin() == null || command.origin().node().equals(services.self());
    }

    /** Answers a command that no owner decided (it could not be passed on, or the room does not exist). */
    private void refuse(RoomCommand command, Reason reason, String message, Dismissal dismissal) {
        Origin origin = command.origin();
        if (origin == null || !command.command().expectsAnswer() && dismissal == null) {
            return;
        }
        Answer answer = Answer.refused(origin, reason, message, dismissal);
        if (origin.node().equals(services.self())) {
            audience.deliver(-1, List.of(answer));
        } else {
            services.link().send(origin.node(), new FromOwner(roomId, -1, services.self(), List.of(answer)));
        }
    }

    // ---- finding the owner

    private void locate() {
        if (locating) {
            return;
        }
        locating = true;
        services.locate(roomId);
    }

    void located(Located located) {
        locating = false;
        LOG.fine(() -> "Room " + roomId + " located: " + located.getClass().getSimpleName() + " " + located);
        if (located instanceof Claimed claimed) {
            become(claimed);
        } else if (located instanceof OwnedBy ownedBy) {
            boolean moved = !ownedBy.node().equals(route);
            route = ownedBy.node();
            carriedBook = Map.of();
            if (moved) {
                reattach();
            }
            drainAwaiting();
        } else if (located instanceof NotFound notFound) {
            notFound(notFound);
        }
    }

    void locateFailed(Unavailable failure) {
        locating = false;
        LOG.log(Level.FINE, "Cannot find the owner of room " + roomId, failure);
        RoomCommand command;
        while ((command = awaitingRoute.poll()) != null) {
            Dismissal dismissal = command.command() instanceof Enter ? Dismissal.UNAVAILABLE : null;
            refuse(command, Reason.UNAVAILABLE, "the room cannot be loaded right now; retry shortly", dismissal);
        }
    }

    private void become(Claimed claimed) {
        owner = new RoomOwner(claimed.room(), claimed.epoch(), claimed.seq(), carriedBook, services.self(),
                services.frames(), services.clock());
        carriedBook = Map.of();
        route = services.self();
        abandoning = false;
        stopHandingOver();
        services.metrics().roomTaken();
        if (audience.hasSeats()) {
            // This node's own connections: counted, and sent the state as this owner has it.
            apply(new RoomCommand(roomId, null, new Reattach(services.self(), audience.held()), 0));
        }
        drainAwaiting();
    }

    private void notFound(NotFound notFound) {
        RoomCommand command;
        String lastOwner = notFound.lastOwner();
        while ((command = awaitingRoute.poll()) != null) {
            if (command.command() instanceof Close && lastOwner != null && !lastOwner.equals(services.self())
                    && services.view().liveNodes().contains(lastOwner)) {
                forward(lastOwner, command);
            } else {
                Dismissal dismissal = command.command() instanceof Enter || command.command() instanceof Join
                        ? Dismissal.NO_SUCH_ROOM : null;
                refuse(command, Reason.NOT_FOUND, "no room " + roomId, dismissal);
            }
        }
        audience.dismissAll(Dismissal.NO_SUCH_ROOM, "no room " + roomId);
        if (isIdle()) {
            // Nothing here for a room that does not exist: a made-up id leaves no trace on this node.
            services.retire(this);
        }
    }

    private void drainAwaiting() {
        int waiting = awaitingRoute.size();
        for (int i = 0; i < waiting; i++) {
            RoomCommand command = awaitingRoute.poll();
            if (command == null) {
                return;
            }
            dispatch(command);
        }
    }

    /** Tells the owner every connection this node holds here; each seated one is sent the room's state. */
    private void reattach() {
        if (audience.isEmpty()) {
            return;
        }
        LOG.fine(() -> "Room " + roomId + ": telling " + route + " the connections held here");
        resyncRequestedAt = System.nanoTime();
        dispatch(new RoomCommand(roomId, null, new Reattach(services.self(), audience.held()), 0));
    }

    // ---- the journal's verdicts

    private void journaled(RoomOwner of, Outcome outcome) {
        if (of != owner) {
            return;
        }
        switch (outcome) {
            case COMMITTED -> release(owner.committed());
            case FENCED -> fenced();
            case FAILED -> failed();
        }
    }

    /** The step is durable: its events, states and answers go out, to this node's connections and to the others. */
    private void release(Step step) {
        for (Map.Entry<String, List<Output>> forNode : step.outputsByNode().entrySet()) {
            if (forNode.getKey().equals(services.self())) {
                audience.deliver(owner.epoch, forNode.getValue());
            } else {
                services.link().send(forNode.getKey(),
                        new FromOwner(roomId, owner.epoch, services.self(), forNode.getValue()));
            }
        }
        if (step.isClosingRoom()) {
            roomClosed();
            return;
        }
        finishAbandoningIfSettled();
        finishHandingOverIfSettled();
    }

    /** Another node took the room: the commands in flight were never answered, so its new owner decides them. */
    private void fenced() {
        LOG.info("Room " + roomId + " was taken over by another node; passing its pending commands on");
        List<Step> steps = owner.abandon();
        owner = null;
        route = null;
        carriedBook = Map.of();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.command.origin() != null || step.command.command() instanceof Close) {
                awaitingRoute.addFirst(step.command);
            }
        }
        locate();
    }

    /** PostgreSQL failed: nothing in flight was saved, so it is refused; the room is rebuilt on its next command. */
    private void failed() {
        carriedBook = owner.book();
        List<Step> steps = owner.abandon();
        owner = null;
        route = null;
        for (Step step : steps) {
            refuse(step.command, Reason.UNAVAILABLE, "the change could not be saved and was not applied; retry",
                    null);
        }
        if (!awaitingRoute.isEmpty()) {
            locate();
        }
    }

    private void finishAbandoningIfSettled() {
        if (abandoning && owner != null && owner.isSettled()) {
            LOG.info("Room " + roomId + " given up after this node's lease ran out; finding its owner again");
            owner = null;
            route = null;
            abandoning = false;
            carriedBook = Map.of();
            locate();
        }
    }

    private void finishHandingOverIfSettled() {
        if (handingOverTo != null && !handOverAsked && owner != null && owner.isSettled()) {
            handOverAsked = true;
            services.handOver(roomId, owner.epoch, handingOverTo);
        }
    }

    /**
     * PostgreSQL names {@code to} the owner now (or, when not {@code handedOver}, another node took the room first).
     * Every node with connections here is told where the room is played, so it tells the new owner who it holds; the
     * commands that waited are passed on after this node's own.
     */
    void handedOver(long epoch, String to, boolean handedOver) {
        if (owner == null || owner.epoch != epoch || !to.equals(handingOverTo)) {
            return;
        }
        stopHandingOver();
        if (!handedOver) {
            fenced();
            return;
        }
        LOG.fine(() -> "Room " + roomId + " handed over to " + to);
        Set<String> holding = owner.book().keySet();
        owner = null;
        route = to;
        carriedBook = Map.of();
        services.metrics().roomHandedOver();
        for (String node : holding) {
            if (!node.equals(services.self())) {
                services.link().send(node, new Moved(roomId, to));
            }
        }
        if (!services.view().liveNodes().contains(to)) {
            // It left meanwhile: whoever finds the room first takes it, as for any owner that died.
            route = null;
            locate();
        }
        reattach();
        drainAwaiting();
    }

    /** PostgreSQL could not be asked: this node plays on as the owner; a later join may move the room. */
    void handOverFailed(long epoch, Unavailable failure) {
        if (owner == null || owner.epoch != epoch || handingOverTo == null) {
            return;
        }
        LOG.log(Level.FINE, "Cannot hand room " + roomId + " over to " + handingOverTo, failure);
        stopHandingOver();
        drainAwaiting();
    }

    private void stopHandingOver() {
        handingOverTo = null;
        handOverAsked = false;
    }

    // ---- callbacks from the audience

    @Override
    public void resyncNeeded() {
        if (owner != null) {
            // Played here: nothing travels between nodes, so nothing can go missing on the way.
            return;
        }
        if (healCheckDue) {
            return;
        }
        long wait = resyncRequestedAt + RESYNC_QUIET_NANOS - System.nanoTime();
        if (wait <= 0) {
            services.metrics().gapHealed();
            reattach();
            wait = RESYNC_QUIET_NANOS;
        }
        // Whatever is lost on the way back, held events are never left waiting for an event that may not come.
        healCheckDue = true;
        services.postLater(roomId, RoomActor::checkHealed, wait);
    }

    private void checkHealed() {
        healCheckDue = false;
        if (audience.isHealing()) {
            resyncNeeded();
        }
    }

    @Override
    public boolean answered(long ticket) {
        return services.answered(ticket);
    }

    @Override
    public void roomClosed() {
        owner = null;
        route = null;
        closed = true;
        services.retire(this);
    }

    // ---- lifecycle

    boolean isClosed() {
        return closed;
    }

    /** Hands back what was queued after retirement, for the room's next actor. */
    Queue<Consumer<RoomActor>> retire() {
        closed = true;
        return mailbox.close();
    }

    /** Whether the room needs nothing from this node any more: no connection, no owner duty, nothing on its way. */
    boolean isIdle() {
        return audience.isEmpty() && awaitingRoute.isEmpty() && !locating
                && (owner == null || owner.isSettled() && owner.isDeserted());
    }

    /**
     * Lets the room go from this node once it has needed nothing here for {@code idleFor} nanoseconds; answers whether
     * it was let go. A room that comes back is found or taken again.
     */
    boolean retireIfIdle(long now, long idleFor) {
        if (!isIdle()) {
            idleSinceNanos = 0;
            return false;
        }
        if (idleSinceNanos == 0) {
            idleSinceNanos = now;
            return false;
        }
        if (now - idleSinceNanos < idleFor) {
            return false;
        }
        services.retire(this);
        return true;
    }
}
