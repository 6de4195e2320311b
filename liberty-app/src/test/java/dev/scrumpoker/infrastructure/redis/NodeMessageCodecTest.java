package dev.scrumpoker.infrastructure.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrumpoker.application.play.Attendee.Dismissal;
import dev.scrumpoker.application.play.Command;
import dev.scrumpoker.application.play.NodeMessage;
import dev.scrumpoker.application.play.Origin;
import dev.scrumpoker.application.play.Output.Effect;
import dev.scrumpoker.application.play.Output;
import dev.scrumpoker.application.play.RoomCommand;
import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.shared.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NodeMessageCodecTest {

    private static final UUID USER = UUID.fromString("7d3b2c1a-0000-4000-8000-000000000001");
    private static final UUID SEAT = UUID.fromString("7d3b2c1a-0000-4000-8000-000000000002");
    private static final String ROOM = "room-1";

    @Test
    void everyCommandCrossesIntact() {
        Origin origin = new Origin("node-a", "c-1", USER, SEAT, "req-1", 42);
        Origin fresh = new Origin("node-a", "c-2", USER, null, null, 0);
        List<Command> commands = List.of(new Command.Enter("invite"), new Command.Enter(null),
                new Command.Join("Ada ✓", Role.OBSERVER, null), new Command.CastVote("13"), new Command.RetractVote(),
                new Command.Reveal(), new Command.StartRound("Story", null), new Command.StartRound(null, SEAT),
                new Command.Reset(),
                new Command.Kick(SEAT), new Command.TransferHost(SEAT), new Command.Leave(), new Command.Sync(),
                new Command.Detach(),
                new Command.Reattach("node-a", List.of(new Command.Held("c-1", USER, SEAT, false),
                        new Command.Held("c-2", USER, null, true))),
                new Command.ReleaseNode("node-b"), new Command.Close(), new Command.ClaimHost(),
                new Command.Unban(SEAT), new Command.RotateInvitation(),
                new Command.AddStories(List.of(new StoryDraft("PROJ-1", "Log in", "https://example.test/PROJ-1",
                        "Two lines\nof text ✓", "5"), new StoryDraft(null, "Log out", null, null, null))),
                new Command.EditStory(SEAT, new StoryDraft(null, "Renamed", null, "Why", null)),
                new Command.RemoveStory(SEAT), new Command.MoveStory(SEAT, 3), new Command.EstimateStory(SEAT, "8"),
                new Command.EstimateStory(null, null), new Command.ChangeSettings(true),
                new Command.ChangeSettings(false), new Command.StartCountdown(90), new Command.StopCountdown());
        assertEquals(Set.of(Command.class.getPermittedSubclasses()),
                commands.stream().map(Object::getClass).collect(Collectors.toSet()),
                "every kind of command is tried: any of them may be passed to an owner on another node");
        for (Command command : commands) {
            List<NodeMessage> sent = List.of(new NodeMessage.ToOwner(new RoomCommand(ROOM, origin, command, 1)),
                    new NodeMessage.ToOwner(new RoomCommand(ROOM, fresh, command, 0)));

            assertEquals(sent, roundTrip(sent, 1_700_000_000_000_000L).messages(), command.toString());
        }
    }

    @Test
    void everyOutputCrossesIntactInOrder() {
        List<Output> outputs = List.of(
                new Output.Bulletin(7, "{\"type\":\"vote.recorded.v1\"}", Effect.NONE, SEAT, "node-a", "c-1", 42,
                        "{\"type\":\"vote.recorded.v1\",\"requestId\":\"r\"}"),
                new Output.Bulletin(8, "{}", Effect.KICKED, SEAT, null, null, 0, null),
                new Output.StateFor(8, "c-2", SEAT, "{\"type\":\"room.state.v1\"}", 3),
                new Output.StateFor(8, "c-3", null, "{}", 0),
                new Output.Answer("c-1", 42, "req", Reason.VALIDATION_FAILED, "no such card", null),
                new Output.Answer("c-4", 5, null, Reason.FORBIDDEN, "kicked", Dismissal.KICKED),
                new Output.Answer("c-5", 6, "r", null, null, null));
        List<NodeMessage> sent = List.of(new NodeMessage.FromOwner(ROOM, 3, "node-b", outputs),
                new NodeMessage.Moved(ROOM, "node-c"));

        NodeMessageCodec.Publication received = NodeMessageCodec.decode(NodeMessageCodec.encode(sent, 99));

        assertEquals(sent, received.messages());
        assertEquals(99, received.sentAtMicros());
    }

    @Test
    void aPublicationOfAnotherVersionIsRefusedNotMisread() {
        byte[] data = NodeMessageCodec.encode(List.of(new NodeMessage.Moved(ROOM, "node-c")), 1);
        data[0] = (byte) (NodeMessageCodec.VERSION + 1);

        assertThrows(IllegalArgumentException.class, () -> NodeMessageCodec.decode(data));
    }

    @Test
    void aTruncatedPublicationIsRefused() {
        byte[] data = NodeMessageCodec.encode(List.of(new NodeMessage.Moved(ROOM, "node-c")), 1);

        assertThrows(IllegalArgumentException.class,
                () -> NodeMessageCodec.decode(Arrays.copyOf(data, data.length - 3)));
    }

    private static NodeMessageCodec.Publication roundTrip(List<NodeMessage> messages, long sentAtMicros) {
        return NodeMessageCodec.decode(NodeMessageCodec.encode(messages, sentAtMicros));
    }
}
