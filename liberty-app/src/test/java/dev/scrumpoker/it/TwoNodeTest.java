package dev.scrumpoker.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every test of the cluster starts from: node A (started by the build) and node B (started here if it is not
 * running yet), and connections that are closed after each test whatever it did to the nodes.
 */
abstract class TwoNodeTest {

    private final List<RoomClient> clients = new ArrayList<>();

    @BeforeAll
    static void bothNodesAreReady() {
        Server.A.awaitReady();
        Server.B.ensureRunning();
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

    /** Every connection this test opened, in order. */
    List<RoomClient> clients() {
        return clients;
    }
}
