package dev.scrumpoker.application;

import dev.scrumpoker.domain.audit.AuditAction;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.audit.AuditLog;
import dev.scrumpoker.domain.room.LiveRoom;
import dev.scrumpoker.domain.room.ParticipantRepository;
import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomEvent.HostChanged;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.RoundReset;
import dev.scrumpoker.domain.room.RoomEvent.RoundRevealed;
import dev.scrumpoker.domain.room.RoomEvent.RoundStarted;
import dev.scrumpoker.domain.room.RoomEvent.VoteRecorded;
import dev.scrumpoker.domain.room.RoomEvent.VoteRetracted;
import dev.scrumpoker.domain.room.RoomRepository;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundHistory;
import dev.scrumpoker.domain.round.RoundRecord;
import dev.scrumpoker.domain.round.RoundRepository;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.vote.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Loads live rooms from PostgreSQL and saves what their events changed, one transaction per request. */
@ApplicationScoped
@Transactional
public class LiveRoomStore {

    @Inject
    RoomRepository rooms;
    @Inject
    RoundRepository rounds;
    @Inject
    ParticipantRepository participants;
    @Inject
    VoteRepository votes;
    @Inject
    RoundHistory history;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /**
     * Reads without a transaction, so that each retry starts afresh on a new connection: a brief loss of PostgreSQL
     * (a restart, a failover) costs a few hundred milliseconds instead of an error.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PersistenceException.class)
    public LiveRoom load(String roomId) {
        Room room = rooms.find(roomId).filter(r -> !r.isDeleted())
                .orElseThrow(() -> DomainException.notFound("no room " + roomId));
        Round current = rounds.latest(roomId)
                .orElseThrow(() -> new IllegalStateException("room " + roomId + " has no round"));
        return LiveRoom.restore(room, participants.ofRoom(roomId), current, votes.cardsOf(roomId, current.number()),
                UUID::randomUUID);
    }

    /**
     * Saves the events of one request, with the history and audit entries they make: all of them or, if this
     * throws, none. {@code actorId} is the user whose request it was.
     */
    public void save(LiveRoom live, List<RoomEvent> events, UUID actorId) {
        String roomId = live.room().id();
        Instant now = clock.instant();
        // Presence (joins of kept seats, disconnects) and closing are not stored here: presence lives with the
        // connections and deletion with the room.
        for (RoomEvent event : events) {
            if (event instanceof ParticipantJoined joined && joined.seatChanged()) {
                participants.save(live.participant(joined.participant().id()));
            } else if (event instanceof ParticipantLeft left) {
                participants.save(live.participant(left.participantId()));
                if (left.kicked()) {
                    audit.record(new AuditEntry(now, AuditAction.PARTICIPANT_KICKED, actorId, roomId,
                            live.participant(left.participantId()).userId(), Map.of()));
                }
            } else if (event instanceof HostChanged change) {
                participants.save(live.participant(change.participantId()));
                participants.save(live.participant(change.previousHostId()));
                audit.record(new AuditEntry(now, AuditAction.HOST_CHANGED, actorId, roomId,
                        live.participant(change.participantId()).userId(), Map.of()));
            } else if (event instanceof VoteRecorded vote) {
                votes.record(roomId, vote.roundNumber(), vote.participantId(), vote.cardValue(), vote.castAt());
            } else if (event instanceof VoteRetracted retract) {
                votes.retract(roomId, retract.roundNumber(), retract.participantId());
            } else if (event instanceof RoundRevealed reveal) {
                rounds.markRevealed(roomId, reveal.roundNumber(), reveal.revealedAt(), reveal.stats());
                history.add(new RoundRecord(rounds.latest(roomId).orElseThrow(), reveal.votes()));
                audit.record(new AuditEntry(now, AuditAction.ROUND_REVEALED, actorId, roomId, null,
                        Map.of("round", String.valueOf(reveal.roundNumber()))));
            } else if (event instanceof RoundStarted start) {
                rounds.start(new Round(roomId, start.roundNumber(), start.storyTitle(), start.startedAt(), null, null));
            } else if (event instanceof RoundReset reset) {
                votes.clear(roomId, reset.roundNumber());
                audit.record(new AuditEntry(now, AuditAction.ROUND_RESET, actorId, roomId, null,
                        Map.of("round", String.valueOf(reset.roundNumber()))));
            }
        }
    }
}
