package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every test of the cluster starts from: node A (started by the build) and node B (started here if it is not
 * running yet), and connections that are closed after each test whatever it did to the nodes. Whatever a test
 * stopped or killed — PostgreSQL, Redis, node B — is running again when it ends, for the tests after it.
 */
abstract class TwoNodeTest {

    /** How long recovering from a stopped service or node may take on a busy 2-core machine. */
    static final Duration RECOVERY = Duration.ofSeconds(60);

    private final List<RoomClient> clients = new ArrayList<>();

    /** Before every test: a test before it may have killed or stopped node B. */
    @BeforeEach
    void bothNodesAreReady() {
        Server.A.awaitReady();
        startBIfDown();
    }

    /**
     * Starts node B if it is down and waits until node A has seen it join, so that the rooms a test makes next are not
     * among those node A moves to a node that joined.
     */
    static void startBIfDown() {
        if (Server.B.isUp()) {
            Server.B.awaitReady();
            return;
        }
        double joinsSeen = nodesJoined();
        Server.B.start();
        await("node A sees node B join").atMost(RECOVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> nodesJoined() > joinsSeen);
    }

    static double nodesJoined() {
        return Metrics.of("scrumpoker_cluster_nodes_joined_total");
    }

    @AfterAll
    static void leaveEverythingRunning() {
        Services.start();
        Server.A.awaitReady();
        startBIfDown();
    }

    /** Waits until both nodes are ready again, after a stopped service came back. */
    static void awaitBothReady() {
        Server.A.awaitReady();
        Server.B.awaitReady();
    }

    @AfterEach
    void hangUp() {
        clients.forEach(RoomClient::close);
    }

    /** Connects to a node, names the connection for failure messages, and closes it after the test. */
    RoomClient connect(Server node, String roomId, Api.User user, String name) {
        RoomClient client = RoomClient.connect(node, roomId, user).named(name);
        clients.add(client);
        return client;
    }

    /** The node that plays the room, as PostgreSQL records it (null before anyone connected). */
    static String ownerOf(String roomId) {
        List<String> owner = Database.column("SELECT owner FROM room_play WHERE room_id = ?", roomId);
        return owner.isEmpty() ? null : owner.get(0);
    }

    /** Waits until the node plays the room. */
    static void awaitOwner(String roomId, Server node, Duration within) {
        await(node + " plays room " + roomId).atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> node.isNode(ownerOf(roomId)));
    }

    /** Every connection this test opened, in order. */
    List<RoomClient> clients() {
        return clients;
    }
}
