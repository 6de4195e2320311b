package dev.scrumpoker.application.play;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** What a room's actor needs from the node around it. */
interface PlayServices {

    /** This node's name. */
    String self();

    /** The pool the rooms' mailboxes run on. */
    Executor rooms();

    RoomFrames frames();

    RoomJournal journal();

    NodeLink link();

    ClusterView view();

    Clock clock();

    PlayMetrics metrics();

    /** Runs work in the room's mailbox (creating the room's actor if it has none). */
    void post(String roomId, Consumer<RoomActor> work);

    /** Runs work in the room's mailbox after {@code delayNanos}, if this node still holds the room then. */
    void postLater(String roomId, Consumer<RoomActor> work, long delayNanos);

    /** Finds or takes the room on a loading thread; the outcome comes back to the room's mailbox. */
    void locate(String roomId);

    /**
     * Names {@code to} the room's owner in place of this node, which holds it at {@code epoch} with nothing in flight,
     * on a loading thread; the outcome comes back to the room's mailbox.
     */
    void handOver(String roomId, long epoch, String to);

    /** A ticket of this node was answered; false when it was answered already (or expired). */
    boolean answered(long ticket);

    /** Lets go of the room's actor (called from its own mailbox); what was queued after goes to its successor. */
    void retire(RoomActor actor);
}
