package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.backlog.Backlog;
import dev.scrumpoker.domain.backlog.Estimates;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStarted;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStopped;
import dev.scrumpoker.domain.room.RoomEvent.HostChanged;
import dev.scrumpoker.domain.room.RoomEvent.InvitationRotated;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantDisconnected;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantUnbanned;
import dev.scrumpoker.domain.room.RoomEvent.RoundReset;
import dev.scrumpoker.domain.room.RoomEvent.RoundRevealed;
import dev.scrumpoker.domain.room.RoomEvent.RoundStarted;
import dev.scrumpoker.domain.room.RoomEvent.SettingsChanged;
import dev.scrumpoker.domain.room.RoomEvent.StoriesAdded;
import dev.scrumpoker.domain.room.RoomEvent.StoryEdited;
import dev.scrumpoker.domain.room.RoomEvent.StoryEstimated;
import dev.scrumpoker.domain.room.RoomEvent.StoryMoved;
import dev.scrumpoker.domain.room.RoomEvent.StoryRemoved;
import dev.scrumpoker.domain.room.RoomEvent.VoteRecorded;
import dev.scrumpoker.domain.room.RoomEvent.VoteRetracted;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import dev.scrumpoker.domain.shared.Text;
import dev.scrumpoker.domain.vote.RevealedVote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A room being played: seats, presence, the backlog, the current round and its votes. Each request either is refused with a
 * {@link DomainException} and changes nothing, or changes the room and returns the events that tell everyone.
 *
 * <p>Not thread-safe: the application serialises all work on one room. The durable parts (seats, rounds, votes)
 * mirror PostgreSQL; if saving the events of a request fails, the application rebuilds the room from there and
 * keeps only presence ({@link #presence()}, {@link #restorePresence}), which is never saved.
 *
 * <p>Presence is counted per node: a connection is held by one server node, named by an opaque string, so that the
 * connections of a node that died can be let go of together ({@link #reconcile}) while seats and votes stay.
 */
public final class LiveRoom {

    /** What the stories of one event may weigh (see {@link #weight}): a message is at most 16 KiB. */
    private static final int MAX_EVENT_WEIGHT = 15_000;

    private final Room room;
    private final Deck deck;
    private final Supplier<UUID> idSource;
    private final Backlog backlog;
    /** Every seat ever taken here, by participant id, in the order they were first taken. */
    private final Map<UUID, Participant> participants = new LinkedHashMap<>();
    private final Map<UUID, UUID> participantOfUser = new HashMap<>();
    /** Open connections of each seat, counted by the node that holds them. */
    private final Map<UUID, Map<String, Integer>> presence = new HashMap<>();
    private int roundNumber;
    /** The backlog story the current round estimates; null for a round without one. */
    private UUID storyId;
    private String storyTitle;
    private Instant roundStartedAt;
    private boolean revealed;
    private final Map<UUID, String> votes = new LinkedHashMap<>();
    private List<RevealedVote> revealedVotes;
    private RoundStatistics stats;
    private Instant revealedAt;
    private boolean autoReveal;
    private Instant countdownEndsAt;

    private LiveRoom(Room room, Backlog backlog, Supplier<UUID> idSource) {
        this.room = Objects.requireNonNull(room, "room is required");
        this.deck = room.deck();
        this.backlog = Objects.requireNonNull(backlog, "backlog is required");
        this.idSource = Objects.requireNonNull(idSource, "idSource is required");
    }

    /** Rebuilds a room from what was saved; nobody is connected yet. */
    public static LiveRoom restore(Room room, List<Participant> seats, Round currentRound, Map<UUID, String> votes,
                                   SessionFlow flow, Backlog backlog, Supplier<UUID> idSource) {
        Objects.requireNonNull(currentRound, "currentRound is required");
        LiveRoom live = new LiveRoom(room, backlog, idSource);
        live.autoReveal = flow.autoReveal();
        live.countdownEndsAt = flow.countdownEndsAt();
        for (Participant seat : seats) {
            live.participants.put(seat.id(), seat.copy());
            live.participantOfUser.put(seat.userId(), seat.id());
        }
        live.roundNumber = currentRound.number();
        live.storyId = currentRound.storyId();
        live.storyTitle = currentRound.storyTitle();
        live.roundStartedAt = currentRound.startedAt();
        live.votes.putAll(votes);
        if (currentRound.isRevealed()) {
            live.revealed = true;
            live.revealedVotes = live.voteList();
            live.stats = currentRound.stats();
            live.revealedAt = currentRound.revealedAt();
        }
        return live;
    }

    /**
     * Who is connected, per seat and node, as {@link #presence()} gave it: used when the room is rebuilt from what
     * was saved on the node that already played it, so presence is not lost (nor announced again) with the rebuild.
     * Seats that are no longer taken are left out.
     */
    public void restorePresence(Map<UUID, Map<String, Integer>> connections) {
        presence.clear();
        connections.forEach((participantId, byNode) -> {
            if (seated(participantId) && !byNode.isEmpty()) {
                presence.put(participantId, new HashMap<>(byNode));
            }
        });
    }

    /** Open connections of each seat, counted by node: what {@link #restorePresence} takes back. */
    public Map<UUID, Map<String, Integer>> presence() {
        Map<UUID, Map<String, Integer>> copy = new HashMap<>();
        presence.forEach((participantId, byNode) -> copy.put(participantId, Map.copyOf(byNode)));
        return copy;
    }

    public Room room() {
        return room;
    }

    public int roundNumber() {
        return roundNumber;
    }

    /** The current round as history keeps it: number, story and start; revealed or not. */
    public Round currentRound() {
        return new Round(room.id(), roundNumber, storyId, storyTitle, roundStartedAt, revealed ? revealedAt : null,
                revealed ? stats : null);
    }

    public Optional<Participant> seatOf(UUID userId) {
        UUID id = participantOfUser.get(userId);
        return id == null ? Optional.empty() : Optional.of(participants.get(id)).filter(Participant::isSeated);
    }

    public Participant participant(UUID participantId) {
        return participants.get(participantId);
    }

    /**
     * Whether the user may open a connection here. A kicked user may not come back; a user who already has a seat
     * may, whatever the privacy; newcomers need the room to admit them.
     */
    public void checkEntry(UUID userId, String inviteKey) {
        requireNotBanned(userId);
        if (seatOf(userId).isEmpty() && !room.admits(userId, inviteKey)) {
            throw DomainException.forbidden("this room is invite-only");
        }
    }

    /**
     * A connection of the user, held by {@code node}, joins. A user with a seat gets it back as it was (role, host,
     * vote); others take a new seat, or their old one if they had left. The first seat taken while nobody hosts
     * becomes the host.
     */
    public List<RoomEvent> join(UUID userId, String requestedName, Role requestedRole, Instant now, String node) {
        Objects.requireNonNull(node, "node is required");
        requireNotBanned(userId);
        Optional<Participant> seated = seatOf(userId);
        if (seated.isPresent()) {
            Participant seat = seated.get();
            boolean wasConnected = isConnected(seat.id());
            presence.computeIfAbsent(seat.id(), id -> new HashMap<>()).merge(node, 1, Integer::sum);
            return wasConnected ? List.of() : List.of(new ParticipantJoined(view(seat), false));
        }
        String name = Text.require("displayName", requestedName, 1, 40);
        Role role = Objects.requireNonNull(requestedRole, "requestedRole is required");
        UUID knownId = participantOfUser.get(userId);
        Participant seat = knownId != null
                ? participants.get(knownId)
                : new Participant(idSource.get(), room.id(), userId, name, role, false, false, false, now);
        seat.sit(name, role);
        seat.host(currentHost().isEmpty());
        participants.put(seat.id(), seat);
        participantOfUser.put(userId, seat.id());
        presence.put(seat.id(), new HashMap<>(Map.of(node, 1)));
        return List.of(new ParticipantJoined(view(seat), true));
    }

    /** One connection of a seat, held by {@code node}, dropped without leaving. The others hear when the last is gone. */
    public List<RoomEvent> disconnect(UUID participantId, String node) {
        Map<String, Integer> byNode = presence.get(participantId);
        if (byNode == null || !byNode.containsKey(node)) {
            return List.of();
        }
        byNode.computeIfPresent(node, (n, count) -> count > 1 ? count - 1 : null);
        if (!byNode.isEmpty()) {
            return List.of();
        }
        presence.remove(participantId);
        return seated(participantId) ? List.of(new ParticipantDisconnected(participantId)) : List.of();
    }

    /**
     * Makes what the room believes about {@code node}'s connections match what the node says it holds: used when a
     * node died (it holds nothing any more) or when shared state was lost and a node tells again who it holds. Seats
     * that come online or go offline because of it are announced like any join or disconnect.
     */
    public List<RoomEvent> reconcile(String node, Map<UUID, Integer> heldConnections) {
        Objects.requireNonNull(node, "node is required");
        Set<UUID> affected = new LinkedHashSet<>(heldConnections.keySet());
        presence.forEach((participantId, byNode) -> {
            if (byNode.containsKey(node)) {
                affected.add(participantId);
            }
        });
        List<RoomEvent> events = new ArrayList<>();
        for (UUID participantId : affected) {
            if (!seated(participantId)) {
                continue;
            }
            boolean wasConnected = isConnected(participantId);
            Map<String, Integer> byNode = presence.computeIfAbsent(participantId, id -> new HashMap<>());
            int held = heldConnections.getOrDefault(participantId, 0);
            if (held > 0) {
                byNode.put(node, held);
            } else {
                byNode.remove(node);
            }
            if (byNode.isEmpty()) {
                presence.remove(participantId);
            }
            boolean connected = isConnected(participantId);
            if (connected && !wasConnected) {
                events.add(new ParticipantJoined(view(participants.get(participantId)), false));
            } else if (wasConnected && !connected) {
                events.add(new ParticipantDisconnected(participantId));
            }
        }
        return events;
    }

    /** The nodes holding connections to this room. */
    public Set<String> nodes() {
        Set<String> nodes = new LinkedHashSet<>();
        presence.values().forEach(byNode -> nodes.addAll(byNode.keySet()));
        return nodes;
    }

    public List<RoomEvent> leave(UUID participantId) {
        return unseat(requireSeated(participantId), false);
    }

    /**
     * The host removes someone, who may not come back until the owner lets them. In an invite-only room the
     * invitation is rotated too: the removed person knows the old link, and a new guest account would pass with it.
     */
    public List<RoomEvent> kick(UUID actorId, UUID targetId) {
        requireHost(actorId);
        if (actorId.equals(targetId)) {
            throw DomainException.invalid("the host cannot kick themselves; hand over host first or leave");
        }
        Participant target = participants.get(targetId);
        if (target == null || !target.isSeated()) {
            throw DomainException.notFound("no participant " + targetId + " in this room");
        }
        if (room.isOwnedBy(target.userId())) {
            throw DomainException.forbidden("the room's owner cannot be removed from it");
        }
        List<RoomEvent> events = unseat(target, true);
        if (room.privacy() == Privacy.INVITE_ONLY) {
            room.rotateInvitation();
            events.add(new InvitationRotated());
        }
        return events;
    }

    /** The room's owner takes host, from whoever has it (or from nobody). */
    public List<RoomEvent> claimHost(UUID actorId) {
        Participant owner = requireOwner(actorId);
        if (owner.isHost()) {
            throw DomainException.invalid("you are the host already");
        }
        Optional<Participant> previous = currentHost();
        previous.ifPresent(host -> host.host(false));
        owner.host(true);
        return List.of(new HostChanged(owner.id(), previous.map(Participant::id).orElse(null)));
    }

    /** The room's owner lets a removed participant back in. */
    public List<RoomEvent> unban(UUID actorId, UUID targetId) {
        requireOwner(actorId);
        Participant target = participants.get(targetId);
        if (target == null || !target.isBanned()) {
            throw DomainException.notFound("nobody removed from this room has the id " + targetId);
        }
        target.unban();
        return List.of(new ParticipantUnbanned(target.id()));
    }

    /** The room's owner replaces the invitation, so that the links handed out so far stop letting newcomers in. */
    public List<RoomEvent> rotateInvitation(UUID actorId) {
        requireOwner(actorId);
        room.rotateInvitation();
        return List.of(new InvitationRotated());
    }

    public List<RoomEvent> transferHost(UUID actorId, UUID targetId) {
        Participant actor = requireHost(actorId);
        Participant target = participants.get(targetId);
        if (target == null || !target.isSeated()) {
            throw DomainException.notFound("no participant " + targetId + " in this room");
        }
        if (target == actor) {
            throw DomainException.invalid("you are the host already");
        }
        actor.host(false);
        target.host(true);
        return List.of(new HostChanged(target.id(), actor.id()));
    }

    public List<RoomEvent> castVote(UUID participantId, String cardValue, Instant now) {
        Participant seat = requireSeated(participantId);
        if (seat.role() != Role.VOTER) {
            throw DomainException.forbidden("observers do not vote");
        }
        if (cardValue == null || !deck.contains(cardValue)) {
            throw new DomainException(Reason.INVALID_CARD, "not a card of this room's deck: " + deck.cards());
        }
        requireOpenRound();
        votes.put(participantId, cardValue);
        VoteRecorded recorded = new VoteRecorded(participantId, roundNumber, cardValue, now);
        if (!autoReveal || !everyConnectedVoterVoted()) {
            return List.of(recorded);
        }
        List<RoomEvent> events = new ArrayList<>(3);
        events.add(recorded);
        events.addAll(revealNow(now));
        return events;
    }

    /** Auto-reveal waits for the voters who are here: someone whose connection dropped does not hold the room up. */
    private boolean everyConnectedVoterVoted() {
        return participants.values().stream()
                .filter(seat -> seat.isSeated() && seat.role() == Role.VOTER && isConnected(seat.id()))
                .allMatch(seat -> votes.containsKey(seat.id()));
    }

    /** The host turns auto-reveal on or off; turned on with every voter's card in, the round reveals at once. */
    public List<RoomEvent> changeSettings(UUID actorId, boolean reveal, Instant now) {
        requireHost(actorId);
        autoReveal = reveal;
        List<RoomEvent> events = new ArrayList<>(List.of(new SettingsChanged(reveal)));
        if (reveal && !revealed && !votes.isEmpty() && everyConnectedVoterVoted()) {
            events.addAll(revealNow(now));
        }
        return events;
    }

    /** The host starts a countdown everyone sees end at the same moment (it replaces one that runs). */
    public List<RoomEvent> startCountdown(UUID actorId, int seconds, Instant now) {
        requireHost(actorId);
        if (seconds < SessionFlow.MIN_COUNTDOWN_SECONDS || seconds > SessionFlow.MAX_COUNTDOWN_SECONDS) {
            throw DomainException.invalid("seconds must be " + SessionFlow.MIN_COUNTDOWN_SECONDS + "–"
                    + SessionFlow.MAX_COUNTDOWN_SECONDS);
        }
        countdownEndsAt = now.plusSeconds(seconds);
        return List.of(new CountdownStarted(countdownEndsAt, seconds));
    }

    public List<RoomEvent> stopCountdown(UUID actorId) {
        requireHost(actorId);
        if (countdownEndsAt == null) {
            throw DomainException.invalid("no countdown runs");
        }
        countdownEndsAt = null;
        return List.of(new CountdownStopped());
    }

    public SessionFlow flow() {
        return new SessionFlow(autoReveal, countdownEndsAt);
    }

    public List<RoomEvent> retractVote(UUID participantId) {
        requireSeated(participantId);
        requireOpenRound();
        votes.remove(participantId);
        return List.of(new VoteRetracted(participantId, roundNumber));
    }

    public List<RoomEvent> reveal(UUID actorId, Instant now) {
        requireHost(actorId);
        requireOpenRound();
        return revealNow(now);
    }

    /** Reveals the open round; a countdown that runs has no more to count. */
    private List<RoomEvent> revealNow(Instant now) {
        revealed = true;
        revealedVotes = voteList();
        stats = RoundStatistics.of(votes.values());
        revealedAt = now;
        List<RoomEvent> events = new ArrayList<>(2);
        events.add(new RoundRevealed(roundNumber, revealedVotes, stats, now));
        stopCountdownWith(events);
        return events;
    }

    private void stopCountdownWith(List<RoomEvent> events) {
        if (countdownEndsAt != null) {
            countdownEndsAt = null;
            events.add(new CountdownStopped());
        }
    }

    /**
     * Starts the next round. An unrevealed current round is left behind unrevealed (it never reaches history). The
     * round estimates the story named by {@code requestedStoryId}; without one, and without a title, the backlog's
     * next story without an estimate (if any); a round given only a title estimates no story.
     */
    public List<RoomEvent> startRound(UUID actorId, String requestedStoryTitle, UUID requestedStoryId, Instant now) {
        requireHost(actorId);
        String title = Text.optional("storyTitle", requestedStoryTitle, Round.MAX_STORY_TITLE);
        Story story = requestedStoryId != null ? backlog.require(requestedStoryId)
                : title == null ? backlog.nextUnestimated().orElse(null) : null;
        roundNumber++;
        storyId = story == null ? null : story.id();
        storyTitle = story == null ? title : story.title();
        roundStartedAt = now;
        clearRound();
        List<RoomEvent> events = new ArrayList<>(2);
        events.add(new RoundStarted(roundNumber, storyId, storyTitle, now));
        stopCountdownWith(events);
        return events;
    }

    /** The host adds stories at the end of the backlog: all of them, or none (over the plan's limit, a bad estimate). */
    public List<RoomEvent> addStories(UUID actorId, List<StoryDraft> drafts, Instant now) {
        requireHost(actorId);
        List<String> estimates = drafts.stream().map(draft -> Estimates.check(draft.estimate(), deck.cards())).toList();
        int position = backlog.size();
        List<Story> added = backlog.add(drafts, estimates, idSource, now);
        // As few events as possible (an import is one, usually), each small enough for any client to take whole.
        List<RoomEvent> events = new ArrayList<>();
        List<Story> group = new ArrayList<>();
        int weight = 0;
        for (Story story : added) {
            int storyWeight = weight(story);
            if (!group.isEmpty() && weight + storyWeight > MAX_EVENT_WEIGHT) {
                events.add(new StoriesAdded(group, position));
                position += group.size();
                group = new ArrayList<>();
                weight = 0;
            }
            group.add(story);
            weight += storyWeight;
        }
        events.add(new StoriesAdded(group, position));
        return events;
    }

    /**
     * An upper bound of a story's size in an event, in bytes of UTF-8 JSON: at most 3 bytes for each UTF-16 unit of
     * its text (quotes and line breaks escape to 2), plus its id and field names; an event's envelope adds ~200.
     */
    private static int weight(Story story) {
        int units = story.title().length() + length(story.key()) + length(story.link()) + length(story.description())
                + length(story.estimate());
        return 3 * units + 130;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    public List<RoomEvent> editStory(UUID actorId, UUID storyId, StoryDraft draft) {
        requireHost(actorId);
        return List.of(new StoryEdited(backlog.edit(storyId, draft)));
    }

    /** The story leaves the backlog; rounds that estimated it stay in the history as they were. */
    public List<RoomEvent> removeStory(UUID actorId, UUID storyId) {
        requireHost(actorId);
        backlog.remove(storyId);
        return List.of(new StoryRemoved(storyId));
    }

    public List<RoomEvent> moveStory(UUID actorId, UUID storyId, int position) {
        requireHost(actorId);
        backlog.move(storyId, position);
        return List.of(new StoryMoved(storyId, position));
    }

    /**
     * The host records the estimate the team agreed on (null clears it): for the story named, or else the current
     * round's. Allowed at any time (a team may agree without voting); the UI offers it after the reveal.
     */
    public List<RoomEvent> estimateStory(UUID actorId, UUID requestedStoryId, String estimate, Instant now) {
        requireHost(actorId);
        UUID id = requestedStoryId != null ? requestedStoryId : storyId;
        if (id == null) {
            throw DomainException.invalid("storyId is required: the current round estimates no story");
        }
        String checked = Estimates.check(estimate, deck.cards());
        backlog.estimate(id, checked, now);
        Integer fromRound = id.equals(storyId) && revealed ? roundNumber : null;
        return List.of(new StoryEstimated(id, checked, fromRound));
    }

    /** The stories in order; what the journal saves after the backlog changed. */
    public List<Story> stories() {
        return backlog.stories();
    }

    public int positionOf(UUID storyId) {
        return backlog.positionOf(storyId);
    }

    /** Clears the votes of the current round. A revealed round is history: start a new round to vote again. */
    public List<RoomEvent> reset(UUID actorId) {
        requireHost(actorId);
        requireOpenRound();
        clearRound();
        return List.of(new RoundReset(roundNumber));
    }

    public RoomSnapshot snapshotFor(UUID viewerId) {
        List<ParticipantView> seats = new ArrayList<>();
        for (Participant seat : participants.values()) {
            if (seat.isSeated()) {
                seats.add(view(seat));
            }
        }
        Participant viewer = viewerId == null ? null : participants.get(viewerId);
        List<RemovedSeat> removed = viewer != null && room.isOwnedBy(viewer.userId()) ? removed() : null;
        return new RoomSnapshot(room, roundNumber, storyId, storyTitle, revealed, seats, viewerId, votes.get(viewerId),
                revealed ? revealedVotes : null, revealed ? stats : null, removed, backlog.size(),
                backlog.estimatedCount(), flow());
    }

    private List<RemovedSeat> removed() {
        List<RemovedSeat> removed = new ArrayList<>();
        for (Participant seat : participants.values()) {
            if (seat.isBanned()) {
                removed.add(new RemovedSeat(seat.id(), seat.displayName()));
            }
        }
        return removed;
    }

    public boolean isConnected(UUID participantId) {
        return presence.containsKey(participantId);
    }

    private List<RoomEvent> unseat(Participant seat, boolean kicked) {
        List<RoomEvent> events = new ArrayList<>();
        boolean wasHost = seat.isHost();
        seat.stand(kicked);
        presence.remove(seat.id());
        if (!revealed && votes.remove(seat.id()) != null) {
            events.add(new VoteRetracted(seat.id(), roundNumber));
        }
        events.add(new ParticipantLeft(seat.id(), kicked));
        if (wasHost) {
            successor().ifPresent(next -> {
                next.host(true);
                events.add(new HostChanged(next.id(), seat.id()));
            });
        }
        return events;
    }

    /** Who hosts after the host left: the earliest-seated connected participant, else the earliest-seated one. */
    private Optional<Participant> successor() {
        Optional<Participant> connected = participants.values().stream()
                .filter(p -> p.isSeated() && isConnected(p.id())).findFirst();
        return connected.isPresent() ? connected : participants.values().stream().filter(Participant::isSeated).findFirst();
    }

    private Optional<Participant> currentHost() {
        return participants.values().stream().filter(p -> p.isSeated() && p.isHost()).findFirst();
    }

    private void clearRound() {
        votes.clear();
        revealed = false;
        revealedVotes = null;
        stats = null;
        revealedAt = null;
    }

    private List<RevealedVote> voteList() {
        List<RevealedVote> list = new ArrayList<>(votes.size());
        votes.forEach((id, card) -> list.add(new RevealedVote(id, participants.get(id).displayName(), card)));
        return list;
    }

    private void requireNotBanned(UUID userId) {
        UUID id = participantOfUser.get(userId);
        if (id != null && participants.get(id).isBanned()) {
            throw DomainException.forbidden("you were removed from this room");
        }
    }

    private boolean seated(UUID participantId) {
        Participant seat = participants.get(participantId);
        return seat != null && seat.isSeated();
    }

    private Participant requireSeated(UUID participantId) {
        Participant seat = participantId == null ? null : participants.get(participantId);
        if (seat == null || !seat.isSeated()) {
            throw DomainException.forbidden("you have no seat in this room");
        }
        return seat;
    }

    private Participant requireHost(UUID participantId) {
        Participant seat = requireSeated(participantId);
        if (!seat.isHost()) {
            throw DomainException.forbidden("only the host may do this");
        }
        return seat;
    }

    private Participant requireOwner(UUID participantId) {
        Participant seat = requireSeated(participantId);
        if (!room.isOwnedBy(seat.userId())) {
            throw DomainException.forbidden("only the room's owner may do this");
        }
        return seat;
    }

    private void requireOpenRound() {
        if (revealed) {
            throw new DomainException(Reason.ROUND_REVEALED, "round " + roundNumber + " is revealed; start a new round");
        }
    }

    private ParticipantView view(Participant seat) {
        return new ParticipantView(seat.id(), seat.displayName(), seat.role(), seat.isHost(), isConnected(seat.id()),
                votes.containsKey(seat.id()));
    }
}
