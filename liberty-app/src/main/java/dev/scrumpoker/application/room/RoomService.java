package dev.scrumpoker.application.room;

import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.account.User;
import dev.scrumpoker.domain.account.UserRepository;
import dev.scrumpoker.domain.audit.AuditAction;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.audit.AuditLog;
import dev.scrumpoker.domain.backlog.StoryRepository;
import dev.scrumpoker.domain.room.Deck;
import dev.scrumpoker.domain.room.DeckType;
import dev.scrumpoker.domain.room.Participant;
import dev.scrumpoker.domain.room.ParticipantRepository;
import dev.scrumpoker.domain.room.Privacy;
import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.room.RoomRepository;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundHistory;
import dev.scrumpoker.domain.round.RoundRecord;
import dev.scrumpoker.domain.round.RoundRepository;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rooms outside of play: creating, finding, listing, deleting, and reading their history. */
@ApplicationScoped
@Transactional
public class RoomService {

    @Inject
    RoomRepository rooms;
    @Inject
    RoundRepository rounds;
    @Inject
    ParticipantRepository participants;
    @Inject
    UserRepository users;
    @Inject
    Clock clock;
    @Inject
    Event<RoomDeleted> deleted;
    @Inject
    RoundHistory history;
    @Inject
    AuditLog audit;
    @Inject
    StoryRepository stories;

    public Room create(UUID ownerId, String title, DeckType deckType, List<String> cards, Privacy privacy) {
        Deck deck = Deck.of(deckType, cards);
        if (privacy == null) {
            throw DomainException.invalid("privacy must be PUBLIC or INVITE_ONLY");
        }
        User owner = owner(ownerId);
        int allowed = owner.tier().maxOpenRooms();
        if (allowed != Integer.MAX_VALUE && rooms.countOpenOwnedBy(ownerId) >= allowed) {
            throw DomainException.forbidden("the " + owner.tier() + " plan allows " + owner.tier().maxOpenRooms()
                    + " open rooms; delete one or upgrade to PRO or TEAM for unlimited rooms");
        }
        Room room = new Room(title, deck, privacy, ownerId, clock.instant());
        rooms.add(room);
        rounds.start(new Round(room.id(), 1, null, null, room.createdAt(), null, null));
        audit.record(new AuditEntry(room.createdAt(), AuditAction.ROOM_CREATED, ownerId, room.id(), null,
                Map.of("title", room.title())));
        return room;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Room get(String roomId) {
        return rooms.find(roomId).filter(room -> !room.isDeleted())
                .orElseThrow(() -> DomainException.notFound("no room " + roomId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Room> listOwnedBy(UUID ownerId, Integer requestedLimit, String cursor) {
        int limit = Cursors.limit(requestedLimit);
        Cursors.RoomPosition after = cursor == null || cursor.isEmpty() ? null : Cursors.room(cursor);
        List<Room> found = rooms.ownedBy(ownerId, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit + 1);
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        Room last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), Cursors.room(last.createdAt(), last.id()));
    }

    public void delete(UUID callerId, String roomId) {
        Room room = get(roomId);
        if (!room.isOwnedBy(callerId)) {
            throw DomainException.forbidden("only the owner may delete this room");
        }
        Instant now = clock.instant();
        room.delete(now);
        audit.record(new AuditEntry(now, AuditAction.ROOM_DELETED, callerId, roomId, null, Map.of()));
        deleted.fire(new RoomDeleted(roomId));
    }

    /**
     * Revealed rounds, newest first. Free-plan rooms show their newest {@link Tier#roundHistory()} rounds; older ones
     * are kept and appear after an upgrade.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RoundRecord> history(UUID callerId, String roomId, Integer requestedLimit, String cursor) {
        Room room = get(roomId);
        requireHistoryAccess(callerId, room);
        int limit = Cursors.limit(requestedLimit);
        RoundHistory.Position after = cursor == null || cursor.isEmpty() ? null : Cursors.round(cursor);
        int visible = owner(room.ownerId()).tier().roundHistory();
        List<RoundRecord> page = history.newest(roomId, after, limit + 1);
        Integer oldestVisible = visible == Integer.MAX_VALUE ? null : history.nthNewest(roomId, visible);
        if (oldestVisible != null) {
            page = page.stream().filter(record -> record.round().number() >= oldestVisible).toList();
        }
        if (page.size() <= limit) {
            return new Page<>(page, null);
        }
        Round last = page.get(limit - 1).round();
        return new Page<>(page.subList(0, limit), Cursors.round(new RoundHistory.Position(last.revealedAt(), last.number())));
    }

    /**
     * The backlog as saved, with the rounds that estimated each story; readable by whoever may read the room's
     * history. Changes the room's owner is still committing appear a moment later.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BacklogExport backlog(UUID callerId, String roomId) {
        Room room = get(roomId);
        requireHistoryAccess(callerId, room);
        return new BacklogExport(stories.ofRoom(roomId), stories.revealedRounds(roomId));
    }

    /** A room's audit trail, newest first; for its owner only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditLog.Recorded> auditTrail(UUID callerId, String roomId, Integer requestedLimit, String cursor) {
        Room room = get(roomId);
        if (!room.isOwnedBy(callerId)) {
            throw DomainException.forbidden("only the owner may read this room's audit trail");
        }
        int limit = Cursors.limit(requestedLimit);
        Cursors.AuditPosition after = cursor == null || cursor.isEmpty() ? null : Cursors.audit(cursor);
        List<AuditLog.Recorded> found = audit.ofRoom(roomId, after == null ? null : after.occurredAt(),
                after == null ? null : after.id(), limit + 1);
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        AuditLog.Recorded last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), Cursors.audit(last.entry().occurredAt(), last.id()));
    }

    /**
     * Everyone may read a public room's history; an invite-only room's is for its owner and its participants. People
     * removed from a room lose it either way, until the owner lets them back in.
     */
    private void requireHistoryAccess(UUID callerId, Room room) {
        if (room.isOwnedBy(callerId)) {
            return;
        }
        Optional<Participant> seat = participants.ofRoom(room.id()).stream()
                .filter(p -> p.userId().equals(callerId)).findFirst();
        if (seat.map(Participant::isBanned).orElse(false)) {
            throw DomainException.forbidden("you were removed from this room");
        }
        if (room.privacy() != Privacy.PUBLIC && seat.isEmpty()) {
            throw DomainException.forbidden("this room's history is for its owner and participants");
        }
    }

    private User owner(UUID userId) {
        return users.find(userId)
                .orElseThrow(() -> new DomainException(Reason.UNAUTHORIZED, "the account of this token no longer exists"));
    }
}
