package dev.scrumpoker.application.play;

import dev.scrumpoker.application.play.Output.Bulletin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command as its room's owner applied it: the events it numbered (as bulletins for every node with connections
 * in the room), the states and answers for single connections, and the writes that must be durable before any of it
 * goes out. Kept until the journal has committed it.
 */
final class Step {

    final RoomCommand command;
    final long fromSeq;
    final List<RoomWrite> writes = new ArrayList<>();
    private final List<Bulletin> bulletins = new ArrayList<>();
    private final Set<String> audience = new LinkedHashSet<>();
    private final Map<String, List<Output>> replies = new LinkedHashMap<>();
    private boolean closesRoom;

    Step(RoomCommand command, long fromSeq) {
        this.command = command;
        this.fromSeq = fromSeq;
    }

    void bulletin(Bulletin bulletin) {
        bulletins.add(bulletin);
    }

    /** Nodes that get every bulletin of the step: those with seated connections before or after it, and the origin. */
    void audience(Set<String> nodes) {
        audience.addAll(nodes);
    }

    void reply(String node, Output output) {
        replies.computeIfAbsent(node, n -> new ArrayList<>()).add(output);
    }

    void closesRoom() {
        closesRoom = true;
    }

    boolean isClosingRoom() {
        return closesRoom;
    }

    /** What each node gets: the bulletins first (in seq order), then the replies meant for its connections. */
    Map<String, List<Output>> outputsByNode() {
        Map<String, List<Output>> byNode = new LinkedHashMap<>();
        if (!bulletins.isEmpty()) {
            for (String node : audience) {
                byNode.put(node, new ArrayList<>(bulletins));
            }
        }
        replies.forEach((node, outputs) -> byNode.computeIfAbsent(node, n -> new ArrayList<>()).addAll(outputs));
        return byNode;
    }
}
