package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.RoomBulletin;
import dev.scrumpoker.application.SharedRoom;
import dev.scrumpoker.domain.room.Deck;
import dev.scrumpoker.domain.room.DeckType;
import dev.scrumpoker.domain.room.LiveRoomState;
import dev.scrumpoker.domain.room.Participant;
import dev.scrumpoker.domain.room.Privacy;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.vote.RevealedVote;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON that nodes share through Redis: a room's state with its {@code seq}, and room events on their way to
 * every node. The documents are this adapter's own (versioned by {@code v}), so the domain's types can change
 * without breaking nodes of the previous version that still read the same keys during a rolling update.
 */
final class RoomStateCodec {

    static final int VERSION = 1;
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Every room event type by its simple name: the sealed interface is the one list of them. */
    private static final Map<String, Class<?>> EVENT_TYPES = Arrays.stream(RoomEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private RoomStateCodec() {
    }

    public record StateDocument(int v, long seq, RoomDocument room, List<SeatDocument> seats, int roundNumber,
                                String storyTitle, boolean revealed, List<RevealedVote> votes,
                                List<RevealedVote> revealedVotes, RoundStatistics stats,
                                Map<String, Map<String, Integer>> presence) {
    }

    public record RoomDocument(String id, String title, DeckType deck, List<String> cards, Privacy privacy,
                               UUID ownerId, String inviteKey, Instant createdAt, Instant deletedAt) {
    }

    public record SeatDocument(UUID id, UUID userId, String displayName, Role role, boolean host, boolean seated,
                               boolean banned, Instant joinedAt) {
    }

    /** An event travels as its type's name and its own JSON document. */
    public record BulletinDocument(int v, String roomId, long seq, Instant at, String type, String event,
                                   String originNode, String originConnection, String requestId) {
    }

    static String encode(SharedRoom shared) {
        LiveRoomState state = shared.state();
        Room room = state.room();
        RoomDocument roomDocument = new RoomDocument(room.id(), room.title(), room.deck().type(), room.deck().cards(),
                room.privacy(), room.ownerId(), room.inviteKey(), room.createdAt(), room.deletedAt());
        List<SeatDocument> seats = state.seats().stream()
                .map(seat -> new SeatDocument(seat.id(), seat.userId(), seat.displayName(), seat.role(), seat.isHost(),
                        seat.isSeated(), seat.isBanned(), seat.joinedAt()))
                .toList();
        // Votes are a list: a JSON object would not promise to keep the order they were cast in.
        List<RevealedVote> votes = state.votes().entrySet().stream()
                .map(vote -> new RevealedVote(vote.getKey(), null, vote.getValue())).toList();
        Map<String, Map<String, Integer>> presence = new LinkedHashMap<>();
        state.presence().forEach((participantId, byNode) -> presence.put(participantId.toString(), byNode));
        return JSONB.toJson(new StateDocument(VERSION, shared.seq(), roomDocument, seats, state.roundNumber(),
                state.storyTitle(), state.revealed(), votes, state.revealedVotes(), state.stats(), presence));
    }

    static SharedRoom decodeState(String json) {
        StateDocument document = JSONB.fromJson(json, StateDocument.class);
        requireVersion(document.v());
        RoomDocument r = document.room();
        Room room = Room.restore(r.id(), r.title(), new Deck(r.deck(), r.cards()), r.privacy(), r.ownerId(),
                r.inviteKey(), r.createdAt(), r.deletedAt());
        List<Participant> seats = document.seats().stream()
                .map(s -> new Participant(s.id(), r.id(), s.userId(), s.displayName(), s.role(), s.host(), s.seated(),
                        s.banned(), s.joinedAt()))
                .toList();
        Map<UUID, String> votes = new LinkedHashMap<>();
        document.votes().forEach(vote -> votes.put(vote.participantId(), vote.cardValue()));
        Map<UUID, Map<String, Integer>> presence = new LinkedHashMap<>();
        document.presence().forEach((participantId, byNode) -> presence.put(UUID.fromString(participantId), byNode));
        return new SharedRoom(new LiveRoomState(room, seats, document.roundNumber(), document.storyTitle(),
                document.revealed(), votes, document.revealedVotes(), document.stats(), presence), document.seq());
    }

    static String encode(RoomBulletin bulletin) {
        RoomBulletin.Origin origin = bulletin.origin();
        return JSONB.toJson(new BulletinDocument(VERSION, bulletin.roomId(), bulletin.seq(), bulletin.at(),
                bulletin.event().getClass().getSimpleName(), JSONB.toJson(bulletin.event()),
                origin == null ? null : origin.node(), origin == null ? null : origin.connection(),
                bulletin.requestId()));
    }

    static RoomBulletin decodeBulletin(String json) {
        BulletinDocument document = JSONB.fromJson(json, BulletinDocument.class);
        requireVersion(document.v());
        Class<?> type = EVENT_TYPES.get(document.type());
        if (type == null) {
            throw new IllegalArgumentException("unknown room event type " + document.type());
        }
        RoomEvent event = (RoomEvent) JSONB.fromJson(document.event(), type);
        RoomBulletin.Origin origin = document.originNode() == null ? null
                : new RoomBulletin.Origin(document.originNode(), document.originConnection());
        return new RoomBulletin(document.roomId(), document.seq(), document.at(), event, origin, document.requestId());
    }

    private static void requireVersion(int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("shared document version " + version + ", this node reads " + VERSION);
        }
    }
}
