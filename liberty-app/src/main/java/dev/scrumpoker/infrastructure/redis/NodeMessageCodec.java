package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.play.Attendee.Dismissal;
import dev.scrumpoker.application.play.Command.AddStories;
import dev.scrumpoker.application.play.Command.CastVote;
import dev.scrumpoker.application.play.Command.ChangeSettings;
import dev.scrumpoker.application.play.Command.ClaimHost;
import dev.scrumpoker.application.play.Command.Close;
import dev.scrumpoker.application.play.Command.Detach;
import dev.scrumpoker.application.play.Command.EditStory;
import dev.scrumpoker.application.play.Command.Enter;
import dev.scrumpoker.application.play.Command.EstimateStory;
import dev.scrumpoker.application.play.Command.Held;
import dev.scrumpoker.application.play.Command.Join;
import dev.scrumpoker.application.play.Command.Kick;
import dev.scrumpoker.application.play.Command.Leave;
import dev.scrumpoker.application.play.Command.MoveStory;
import dev.scrumpoker.application.play.Command.Reattach;
import dev.scrumpoker.application.play.Command.ReleaseNode;
import dev.scrumpoker.application.play.Command.RemoveStory;
import dev.scrumpoker.application.play.Command.Reset;
import dev.scrumpoker.application.play.Command.RetractVote;
import dev.scrumpoker.application.play.Command.Reveal;
import dev.scrumpoker.application.play.Command.RotateInvitation;
import dev.scrumpoker.application.play.Command.StartCountdown;
import dev.scrumpoker.application.play.Command.StartRound;
import dev.scrumpoker.application.play.Command.StopCountdown;
import dev.scrumpoker.application.play.Command.Sync;
import dev.scrumpoker.application.play.Command.TransferHost;
import dev.scrumpoker.application.play.Command.Unban;
import dev.scrumpoker.application.play.Command;
import dev.scrumpoker.application.play.NodeMessage.FromOwner;
import dev.scrumpoker.application.play.NodeMessage.Moved;
import dev.scrumpoker.application.play.NodeMessage.ToOwner;
import dev.scrumpoker.application.play.NodeMessage;
import dev.scrumpoker.application.play.Origin;
import dev.scrumpoker.application.play.Output.Answer;
import dev.scrumpoker.application.play.Output.Bulletin;
import dev.scrumpoker.application.play.Output.Effect;
import dev.scrumpoker.application.play.Output.StateFor;
import dev.scrumpoker.application.play.Output;
import dev.scrumpoker.application.play.RoomCommand;
import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.shared.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Messages between nodes as compact binary: a version, when the publication was sent (epoch microseconds, for the
 * delivery meter), then its messages. Frames travel as the UTF-8 text the owner encoded, untouched (no JSON inside
 * JSON). The version lets a node refuse what a node of another version wrote during a rolling update instead of
 * misreading it.
 */
final class NodeMessageCodec {

    static final int VERSION = 3;

    private static final byte TO_OWNER = 1;
    private static final byte FROM_OWNER = 2;
    private static final byte MOVED = 3;
    private static final byte BULLETIN = 1;
    private static final byte STATE_FOR = 2;
    private static final byte ANSWER = 3;
    /** Commands by their position in this list: append only. */
    private static final List<Class<? extends Command>> COMMANDS = List.of(Enter.class, Join.class, CastVote.class,
            RetractVote.class, Reveal.class, StartRound.class, Reset.class, Kick.class, TransferHost.class,
            Leave.class, Sync.class, Detach.class, Reattach.class, ReleaseNode.class, Close.class, ClaimHost.class,
            Unban.class, RotateInvitation.class, AddStories.class, EditStory.class, RemoveStory.class, MoveStory.class,
            EstimateStory.class, ChangeSettings.class, StartCountdown.class, StopCountdown.class);

    private NodeMessageCodec() {
    }

    /** One publication as it was read: when it was sent, and its messages. */
    record Publication(long sentAtMicros, List<NodeMessage> messages) {
    }

    static byte[] encode(List<NodeMessage> messages, long sentAtMicros) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(sentAtMicros);
            out.writeInt(messages.size());
            for (NodeMessage message : messages) {
                write(out, message);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static Publication decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("node message version " + version + ", this node reads " + VERSION);
            }
            long sentAtMicros = in.readLong();
            int count = in.readInt();
            List<NodeMessage> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                messages.add(read(in));
            }
            return new Publication(sentAtMicros, messages);
        } catch (IOException truncated) {
            throw new IllegalArgumentException("unreadable node message", truncated);
        }
    }

    private static void write(DataOutputStream out, NodeMessage message) throws IOException {
        if (message instanceof ToOwner toOwner) {
            out.writeByte(TO_OWNER);
            RoomCommand command = toOwner.command();
            text(out, command.roomId());
            out.writeInt(command.hops());
            origin(out, command.origin());
            command(out, command.command());
        } else if (message instanceof FromOwner fromOwner) {
            out.writeByte(FROM_OWNER);
            text(out, fromOwner.roomId());
            out.writeLong(fromOwner.epoch());
            text(out, fromOwner.owner());
            out.writeInt(fromOwner.outputs().size());
            for (Output output : fromOwner.outputs()) {
                output(out, output);
            }
        } else if (message instanceof Moved moved) {
            out.writeByte(MOVED);
            text(out, moved.roomId());
            text(out, moved.owner());
        }
    }

    private static NodeMessage read(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case TO_OWNER -> {
                String roomId = text(in);
                int hops = in.readInt();
                Origin origin = origin(in);
                yield new ToOwner(new RoomCommand(roomId, origin, command(in), hops));
            }
            case FROM_OWNER -> {
                String roomId = text(in);
                long epoch = in.readLong();
                String owner = text(in);
                int count = in.readInt();
                List<Output> outputs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    outputs.add(output(in));
                }
                yield new FromOwner(roomId, epoch, owner, outputs);
            }
            case MOVED -> new Moved(text(in), text(in));
            default -> throw new IllegalArgumentException("unknown node message kind " + kind);
        };
    }

    private static void origin(DataOutputStream out, Origin origin) throws IOException {
        out.writeBoolean(origin != null);
        if (origin != null) {
            text(out, origin.node());
            text(out, origin.connectionId());
            uuid(out, origin.userId());
            uuid(out, origin.participantId());
            text(out, origin.requestId());
            out.writeLong(origin.ticket());
        }
    }

    private static Origin origin(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new Origin(text(in), text(in), uuid(in), uuid(in), text(in), in.readLong());
    }

    private static void command(DataOutputStream out, Command command) throws IOException {
        int kind = COMMANDS.indexOf(command.getClass());
        if (kind < 0) {
            throw new IllegalArgumentException("no wire form for " + command.getClass().getSimpleName());
        }
        out.writeByte(kind);
        if (command instanceof Enter enter) {
            text(out, enter.inviteKey());
        } else if (command instanceof Join join) {
            text(out, join.displayName());
            text(out, join.role().name());
            text(out, join.inviteKey());
        } else if (command instanceof CastVote vote) {
            text(out, vote.cardValue());
        } else if (command instanceof StartRound start) {
            text(out, start.storyTitle());
            uuid(out, start.storyId());
        } else if (command instanceof AddStories add) {
            out.writeInt(add.stories().size());
            for (StoryDraft story : add.stories()) {
                story(out, story);
            }
        } else if (command instanceof EditStory edit) {
            uuid(out, edit.storyId());
            story(out, edit.story());
        } else if (command instanceof RemoveStory remove) {
            uuid(out, remove.storyId());
        } else if (command instanceof MoveStory move) {
            uuid(out, move.storyId());
            out.writeInt(move.position());
        } else if (command instanceof EstimateStory estimate) {
            uuid(out, estimate.storyId());
            text(out, estimate.estimate());
        } else if (command instanceof ChangeSettings settings) {
            out.writeBoolean(settings.autoReveal());
        } else if (command instanceof StartCountdown countdown) {
            out.writeInt(countdown.seconds());
        } else if (command instanceof Kick kick) {
            uuid(out, kick.participantId());
        } else if (command instanceof TransferHost transfer) {
            uuid(out, transfer.participantId());
        } else if (command instanceof Unban unban) {
            uuid(out, unban.participantId());
        } else if (command instanceof Reattach reattach) {
            text(out, reattach.node());
            out.writeInt(reattach.connections().size());
            for (Held held : reattach.connections()) {
                text(out, held.connectionId());
                uuid(out, held.userId());
                uuid(out, held.participantId());
                out.writeBoolean(held.joining());
            }
        } else if (command instanceof ReleaseNode release) {
            text(out, release.node());
        }
    }

    private static Command command(DataInputStream in) throws IOException {
        int kind = in.readByte();
        if (kind < 0 || kind >= COMMANDS.size()) {
            throw new IllegalArgumentException("unknown command kind " + kind);
        }
        Class<? extends Command> type = COMMANDS.get(kind);
        if (type == Enter.class) {
            return new Enter(text(in));
        } else if (type == Join.class) {
            return new Join(text(in), Role.valueOf(text(in)), text(in));
        } else if (type == CastVote.class) {
            return new CastVote(text(in));
        } else if (type == RetractVote.class) {
            return new RetractVote();
        } else if (type == Reveal.class) {
            return new Reveal();
        } else if (type == StartRound.class) {
            return new StartRound(text(in), uuid(in));
        } else if (type == AddStories.class) {
            int count = in.readInt();
            List<StoryDraft> stories = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                stories.add(story(in));
            }
            return new AddStories(stories);
        } else if (type == EditStory.class) {
            return new EditStory(uuid(in), story(in));
        } else if (type == RemoveStory.class) {
            return new RemoveStory(uuid(in));
        } else if (type == MoveStory.class) {
            return new MoveStory(uuid(in), in.readInt());
        } else if (type == EstimateStory.class) {
            return new EstimateStory(uuid(in), text(in));
        } else if (type == ChangeSettings.class) {
            return new ChangeSettings(in.readBoolean());
        } else if (type == StartCountdown.class) {
            return new StartCountdown(in.readInt());
        } else if (type == StopCountdown.class) {
            return new StopCountdown();
        } else if (type == Reset.class) {
            return new Reset();
        } else if (type == Kick.class) {
            return new Kick(uuid(in));
        } else if (type == TransferHost.class) {
            return new TransferHost(uuid(in));
        } else if (type == Leave.class) {
            return new Leave();
        } else if (type == Sync.class) {
            return new Sync();
        } else if (type == Detach.class) {
            return new Detach();
        } else if (type == Reattach.class) {
            String node = text(in);
            int count = in.readInt();
            List<Held> held = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                held.add(new Held(text(in), uuid(in), uuid(in), in.readBoolean()));
            }
            return new Reattach(node, held);
        } else if (type == ReleaseNode.class) {
            return new ReleaseNode(text(in));
        } else if (type == ClaimHost.class) {
            return new ClaimHost();
        } else if (type == Unban.class) {
            return new Unban(uuid(in));
        } else if (type == RotateInvitation.class) {
            return new RotateInvitation();
        }
        return new Close();
    }

    private static void story(DataOutputStream out, StoryDraft story) throws IOException {
        text(out, story.key());
        text(out, story.title());
        text(out, story.link());
        text(out, story.description());
        text(out, story.estimate());
    }

    private static StoryDraft story(DataInputStream in) throws IOException {
        return new StoryDraft(text(in), text(in), text(in), text(in), text(in));
    }

    private static void output(DataOutputStream out, Output output) throws IOException {
        if (output instanceof Bulletin bulletin) {
            out.writeByte(BULLETIN);
            out.writeLong(bulletin.seq());
            text(out, bulletin.frame());
            out.writeByte(bulletin.effect().ordinal());
            uuid(out, bulletin.subject());
            text(out, bulletin.originNode());
            text(out, bulletin.originConnection());
            out.writeLong(bulletin.ticket());
            text(out, bulletin.originFrame());
        } else if (output instanceof StateFor state) {
            out.writeByte(STATE_FOR);
            out.writeLong(state.seq());
            text(out, state.connectionId());
            uuid(out, state.participantId());
            text(out, state.frame());
            out.writeLong(state.ticket());
        } else if (output instanceof Answer answer) {
            out.writeByte(ANSWER);
            text(out, answer.connectionId());
            out.writeLong(answer.ticket());
            text(out, answer.requestId());
            text(out, answer.reason() == null ? null : answer.reason().name());
            text(out, answer.message());
            text(out, answer.dismissal() == null ? null : answer.dismissal().name());
        }
    }

    private static Output output(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case BULLETIN -> new Bulletin(in.readLong(), text(in), Effect.values()[in.readByte()], uuid(in), text(in),
                    text(in), in.readLong(), text(in));
            case STATE_FOR -> new StateFor(in.readLong(), text(in), uuid(in), text(in), in.readLong());
            case ANSWER -> {
                String connectionId = text(in);
                long ticket = in.readLong();
                String requestId = text(in);
                String reason = text(in);
                String message = text(in);
                String dismissal = text(in);
                yield new Answer(connectionId, ticket, requestId, reason == null ? null : Reason.valueOf(reason),
                        message, dismissal == null ? null : Dismissal.valueOf(dismissal));
            }
            default -> throw new IllegalArgumentException("unknown output kind " + kind);
        };
    }

    /** Text of any length (frames may pass 64 KB, the limit of writeUTF), or null. */
    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated text");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeBoolean(id != null);
        if (id != null) {
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    }
}
