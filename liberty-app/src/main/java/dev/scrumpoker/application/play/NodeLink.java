package dev.scrumpoker.application.play;

/**
 * The channel between nodes. Messages from one node to another arrive in the order they were sent, or not at all:
 * a message that could not be sent is handed back ({@link RoomPlay#undeliverable}); one lost on the way is noticed by
 * the receivers (room {@code seq} gaps, unanswered tickets), who ask again. Messages for this node are handed to
 * {@link RoomPlay#receive}.
 */
public interface NodeLink {

    /** Queues the message for the node and returns at once. */
    void send(String node, NodeMessage message);
}
