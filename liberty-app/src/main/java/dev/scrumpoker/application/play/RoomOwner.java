package dev.scrumpoker.application.play;

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
import dev.scrumpoker.application.play.Output.Answer;
import dev.scrumpoker.application.play.Output.Bulletin;
import dev.scrumpoker.application.play.Output.Effect;
import dev.scrumpoker.application.play.Output.StateFor;
import dev.scrumpoker.domain.room.LiveRoom;
import dev.scrumpoker.domain.room.Participant;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.RoomClosed;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * This node playing a room: the one place its commands are decided and numbered. Commands are applied one at a time,
 * in memory, as they arrive; each becomes a {@link Step} whose writes go to the journal, and whose events, states and
 * answers go out only once the journal has committed it (steps commit in order). The room in memory may therefore be
 * ahead of PostgreSQL by the steps in flight; if the journal refuses or fails one, the owner is given up and the room
 * is rebuilt from PostgreSQL.
 *
 * <p>Presence is kept per node and connection ({@code book}): the connections a node holds and the seat of each. A
 * node's connection counts per seat are what the room's presence says about that node.
 */
final class RoomOwner {

    final long epoch;
    private final LiveRoom live;
    private final String self;
    private final RoomFrames frames;
    private final Clock clock;
    /** The last seq given out; events of steps in flight are numbered already. */
    private long seq;
    /** Node → connection → seat (null: in the room without a seat). */
    private final Map<String, Map<String, UUID>> book;
    private final ArrayDeque<Step> inFlight = new ArrayDeque<>();

    RoomOwner(LiveRoom live, long epoch, long seq, Map<String, Map<String, UUID>> carriedBook, String self,
              RoomFrames frames, Clock clock) {
        this.live = live;
        this.epoch = epoch;
        this.seq = seq;
        this.self = self;
        this.frames = frames;
        this.clock = clock;
        this.book = new HashMap<>();
        carriedBook.forEach((node, connections) -> book.put(node, new HashMap<>(connections)));
        // Rebuilt on the node that already played it: who is connected is known here and stays as it was, unannounced.
        Map<UUID, Map<String, Integer>> presence = new HashMap<>();
        book.forEach((node, connections) -> connections.values().forEach(seat -> {
            if (seat != null) {
                presence.computeIfAbsent(seat, s -> new HashMap<>()).merge(node, 1, Integer::sum);
            }
        }));
        live.restorePresence(presence);
    }

    String roomId() {
        return live.room().id();
    }

    /** Decides a command: a refused one changes nothing and answers its sender; either way the step is in flight. */
    Step apply(RoomCommand command) {
        Step step = new Step(command, seq);
        // Who is connected before it matters only to commands that may change it (a leaver's node still hears).
        Set<String> before = changesPresence(command.command()) ? live.nodes() : Set.of();
        Origin origin = command.origin();
        try {
            decide(step, command);
        } catch (DomainException refused) {
            if (origin != null) {
                step.reply(origin.node(), refusal(origin, command.command(), refused));
            }
        }
        Set<String> audience = new LinkedHashSet<>(before);
        audience.addAll(live.nodes());
        if (origin != null) {
            audience.add(origin.node());
        }
        step.audience(audience);
        inFlight.add(step);
        return step;
    }

    private static boolean changesPresence(Command command) {
        return command instanceof Join || command instanceof Leave || command instanceof Kick
                || command instanceof Detach || command instanceof Reattach || command instanceof ReleaseNode
                || command instanceof Close;
    }

    private void decide(Step step, RoomCommand command) {
        Origin origin = command.origin();
        Instant now = clock.instant();
        Command c = command.command();
        if (c instanceof Enter enter) {
            live.checkEntry(origin.userId(), enter.inviteKey());
            step.reply(origin.node(), Answer.admitted(origin));
        } else if (c instanceof Join join) {
            join(step, origin, join, now);
        } else if (c instanceof CastVote vote) {
            publish(step, origin, live.castVote(seat(origin), vote.cardValue(), now), now);
        } else if (c instanceof RetractVote) {
            publish(step, origin, live.retractVote(seat(origin)), now);
        } else if (c instanceof Reveal) {
            publish(step, origin, live.reveal(seat(origin), now), now);
        } else if (c instanceof StartRound start) {
            publish(step, origin, live.startRound(seat(origin), start.storyTitle(), start.storyId(), now), now);
        } else if (c instanceof ChangeSettings settings) {
            publish(step, origin, live.changeSettings(seat(origin), settings.autoReveal(), now), now);
        } else if (c instanceof StartCountdown countdown) {
            publish(step, origin, live.startCountdown(seat(origin), countdown.seconds(), now), now);
        } else if (c instanceof StopCountdown) {
            publish(step, origin, live.stopCountdown(seat(origin)), now);
        } else if (c instanceof AddStories add) {
            publish(step, origin, live.addStories(seat(origin), add.stories(), now), now);
        } else if (c instanceof EditStory edit) {
            publish(step, origin, live.editStory(seat(origin), edit.storyId(), edit.story()), now);
        } else if (c instanceof RemoveStory remove) {
            publish(step, origin, live.removeStory(seat(origin), remove.storyId()), now);
        } else if (c instanceof MoveStory move) {
            publish(step, origin, live.moveStory(seat(origin), move.storyId(), move.position()), now);
        } else if (c instanceof EstimateStory estimate) {
            publish(step, origin, live.estimateStory(seat(origin), estimate.storyId(), estimate.estimate(), now), now);
        } else if (c instanceof Reset) {
            publish(step, origin, live.reset(seat(origin)), now);
        } else if (c instanceof Kick kick) {
            publish(step, origin, live.kick(seat(origin), kick.participantId()), now);
        } else if (c instanceof TransferHost transfer) {
            publish(step, origin, live.transferHost(seat(origin), transfer.participantId()), now);
        } else if (c instanceof ClaimHost) {
            publish(step, origin, live.claimHost(seat(origin)), now);
        } else if (c instanceof Unban unban) {
            publish(step, origin, live.unban(seat(origin), unban.participantId()), now);
        } else if (c instanceof RotateInvitation) {
            publish(step, origin, live.rotateInvitation(seat(origin)), now);
        } else if (c instanceof Leave) {
            publish(step, origin, live.leave(seat(origin)), now);
        } else if (c instanceof Sync) {
            stateFor(step, origin.node(), origin.connectionId(), seat(origin), origin.requestId(), origin.ticket());
        } else if (c instanceof Detach) {
            connections(origin.node()).remove(origin.connectionId());
            publish(step, null, live.reconcile(origin.node(), counts(origin.node())), now);
        } else if (c instanceof Reattach reattach) {
            reattach(step, reattach, now);
        } else if (c instanceof ReleaseNode release) {
            book.remove(release.node());
            publish(step, null, live.reconcile(release.node(), Map.of()), now);
        } else if (c instanceof Close) {
            publish(step, null, List.of(new RoomClosed()), now);
            step.closesRoom();
        }
    }

    private void join(Step step, Origin origin, Join join, Instant now) {
        UUID current = seatOf(origin);
        if (current != null) {
            // Joined already (another join on the same connection): the state is the answer.
            stateFor(step, origin.node(), origin.connectionId(), current, origin.requestId(), origin.ticket());
            return;
        }
        live.checkEntry(origin.userId(), join.inviteKey());
        List<RoomEvent> events = live.join(origin.userId(), join.displayName(), join.role(), now, origin.node());
        UUID seat = live.seatOf(origin.userId()).orElseThrow().id();
        connections(origin.node()).put(origin.connectionId(), seat);
        publish(step, origin, events, now);
        stateFor(step, origin.node(), origin.connectionId(), seat, origin.requestId(), origin.ticket());
    }

    /**
     * A node's account of its connections replaces what the owner knew of that node; a join still on its way keeps
     * the seat the owner gave it. Every connection that believes it has a seat is sent the state (with its seat, or
     * none if it lost it meanwhile).
     */
    private void reattach(Step step, Reattach reattach, Instant now) {
        Map<String, UUID> known = book.getOrDefault(reattach.node(), Map.of());
        Map<String, UUID> held = new HashMap<>();
        for (Held connection : reattach.connections()) {
            UUID seat = connection.participantId() == null && connection.joining()
                    ? known.get(connection.connectionId()) : connection.participantId();
            held.put(connection.connectionId(), seat != null && isSeatOf(seat, connection.userId()) ? seat : null);
        }
        book.put(reattach.node(), held);
        publish(step, null, live.reconcile(reattach.node(), counts(reattach.node())), now);
        for (Held connection : reattach.connections()) {
            UUID seat = held.get(connection.connectionId());
            if (seat != null || connection.participantId() != null) {
                stateFor(step, reattach.node(), connection.connectionId(), seat, null, 0);
            }
        }
    }

    /** Numbers the events, encodes each once (and once more with the origin's requestId), and notes their writes. */
    private void publish(Step step, Origin origin, List<RoomEvent> events, Instant now) {
        for (RoomEvent event : events) {
            long number = ++seq;
            String frame = frames.event(number, now, event, null);
            String originFrame = origin == null || origin.requestId() == null ? null
                    : frames.event(number, now, event, origin.requestId());
            Effect effect = Effect.NONE;
            UUID subject = null;
            if (event instanceof ParticipantJoined joined) {
                effect = Effect.JOINED;
                subject = joined.participant().id();
            } else if (event instanceof ParticipantLeft left) {
                effect = left.kicked() ? Effect.KICKED : Effect.LEFT;
                subject = left.participantId();
                unseat(subject);
            } else if (event instanceof RoomClosed) {
                effect = Effect.CLOSED;
            }
            step.bulletin(new Bulletin(number, frame, effect, subject, origin == null ? null : origin.node(),
                    origin == null ? null : origin.connectionId(), origin == null ? 0 : origin.ticket(),
                    originFrame));
        }
        step.writes.addAll(RoomWrites.of(live, events, origin == null ? null : origin.userId(), now));
    }

    private void stateFor(Step step, String node, String connectionId, UUID seat, String requestId, long ticket) {
        step.reply(node, new StateFor(seq, connectionId, seat,
                frames.state(live.snapshotFor(seat), seq, requestId), ticket));
    }

    private Answer refusal(Origin origin, Command command, DomainException refused) {
        Dismissal dismissal = null;
        if (command instanceof Enter) {
            dismissal = switch (refused.reason()) {
                case NOT_FOUND -> Dismissal.NO_SUCH_ROOM;
                case FORBIDDEN -> Dismissal.NOT_ALLOWED;
                default -> Dismissal.UNAVAILABLE;
            };
        } else if (command instanceof Join && refused.reason() == Reason.FORBIDDEN) {
            dismissal = Dismissal.NOT_ALLOWED;
        }
        return Answer.refused(origin, refused.reason(), refused.getMessage(), dismissal);
    }

    /** The seat the origin's connection holds, as this owner knows it or else as its node believes. */
    private UUID seatOf(Origin origin) {
        UUID seat = book.getOrDefault(origin.node(), Map.of()).get(origin.connectionId());
        if (seat == null && origin.participantId() != null && isSeatOf(origin.participantId(), origin.userId())) {
            seat = origin.participantId();
        }
        return seat;
    }

    private UUID seat(Origin origin) {
        UUID seat = seatOf(origin);
        if (seat == null) {
            throw new DomainException(Reason.NOT_JOINED, "send room.join.v1 first");
        }
        return seat;
    }

    private boolean isSeatOf(UUID participantId, UUID userId) {
        Participant seat = live.participant(participantId);
        return seat != null && seat.isSeated() && seat.userId().equals(userId);
    }

    private Map<String, UUID> connections(String node) {
        return book.computeIfAbsent(node, n -> new HashMap<>());
    }

    private Map<UUID, Integer> counts(String node) {
        Map<UUID, Integer> counts = new HashMap<>();
        for (UUID seat : book.getOrDefault(node, Map.of()).values()) {
            if (seat != null) {
                counts.merge(seat, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** A seat was given up: its connections everywhere stay in the room without it. */
    private void unseat(UUID participantId) {
        book.values().forEach(connections -> connections.replaceAll((id, seat) -> participantId.equals(seat) ? null : seat));
    }

    /** The oldest step in flight, which the journal has just committed. */
    Step committed() {
        return inFlight.poll();
    }

    /** Every step in flight, oldest first; the owner is given up with them. */
    List<Step> abandon() {
        List<Step> steps = List.copyOf(inFlight);
        inFlight.clear();
        return steps;
    }

    boolean isSettled() {
        return inFlight.isEmpty();
    }

    long seq() {
        return seq;
    }

    /** Whether a node holds connections in the room, as far as this owner knows. */
    boolean knows(String node) {
        return book.containsKey(node);
    }

    /** Whether nobody anywhere holds a connection in the room. */
    boolean isDeserted() {
        return book.values().stream().allMatch(Map::isEmpty);
    }

    /** Who holds which connection, to carry into the next owner on this node after a rebuild. */
    Map<String, Map<String, UUID>> book() {
        Map<String, Map<String, UUID>> copy = new HashMap<>();
        book.forEach((node, connections) -> copy.put(node, new HashMap<>(connections)));
        return copy;
    }
}
