package dev.scrumpoker.application.play;

import java.util.Set;

/** Which nodes are alive, as this node last saw their leases. */
public interface ClusterView {

    /** This node's name. */
    String self();

    /** The live nodes as of the last heartbeat, this one included. */
    Set<String> liveNodes();

    /**
     * The live nodes as Redis has them now (a round trip; only for threads that may wait), or as of the last
     * heartbeat when Redis cannot be reached. Used before taking a room from a node the last heartbeat did not see:
     * that node may have started since.
     */
    Set<String> liveNodesNow();
}
