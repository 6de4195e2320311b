package dev.scrumpoker.application.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomPlacementTest {

    private static final List<String> ROOMS = rooms(6_000);

    @Test
    void everyNodeComputesTheSameAnswerWhateverOrderItKnowsTheNodesIn() {
        List<String> nodes = List.of("node-9080-a1b2c3d4", "node-9081-e5f6a7b8", "node-9082-0badcafe");
        List<String> reversed = List.of(nodes.get(2), nodes.get(1), nodes.get(0));
        for (String room : ROOMS.subList(0, 500)) {
            assertEquals(RoomPlacement.preferred(room, nodes), RoomPlacement.preferred(room, reversed), room);
        }
    }

    @Test
    void roomsSpreadEvenlyOverTheNodes() {
        List<String> nodes = List.of("node-9080-a1b2c3d4", "node-9081-e5f6a7b8", "node-9082-0badcafe");
        Map<String, Integer> counts = new HashMap<>();
        ROOMS.forEach(room -> counts.merge(RoomPlacement.preferred(room, nodes), 1, Integer::sum));
        assertEquals(3, counts.size());
        // 2,000 each expected; a fair split stays within ±10% with overwhelming probability.
        counts.forEach((node, count) -> assertTrue(count > 1_800 && count < 2_200, node + " got " + count));
    }

    @Test
    void aJoiningNodeTakesAboutItsShareAndRoomsMoveOnlyToIt() {
        List<String> before = List.of("node-9080-a1b2c3d4", "node-9081-e5f6a7b8");
        List<String> after = new ArrayList<>(before);
        after.add("node-9082-0badcafe");
        int moved = 0;
        for (String room : ROOMS) {
            String was = RoomPlacement.preferred(room, before);
            String now = RoomPlacement.preferred(room, after);
            if (!was.equals(now)) {
                assertEquals("node-9082-0badcafe", now, "a room moves only to the node that joined");
                moved++;
            }
        }
        assertTrue(moved > 1_800 && moved < 2_200, "about a third of the rooms move, not " + moved);
    }

    @Test
    void noNodesNoAnswer() {
        assertNull(RoomPlacement.preferred(ROOMS.get(0), List.of()));
    }

    private static List<String> rooms(int count) {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rooms.add(new UUID(0x1234_5678_9abcL * i, 0xfedc_ba98L + i).toString());
        }
        return rooms;
    }
}
