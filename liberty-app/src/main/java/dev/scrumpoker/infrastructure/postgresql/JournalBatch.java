package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.application.play.RoomWrite;
import dev.scrumpoker.application.play.RoomWrite.Audited;
import dev.scrumpoker.application.play.RoomWrite.FlowSaved;
import dev.scrumpoker.application.play.RoomWrite.InvitationReplaced;
import dev.scrumpoker.application.play.RoomWrite.RoundClosed;
import dev.scrumpoker.application.play.RoomWrite.RoundOpened;
import dev.scrumpoker.application.play.RoomWrite.SeatSaved;
import dev.scrumpoker.application.play.RoomWrite.StoryDeleted;
import dev.scrumpoker.application.play.RoomWrite.StorySaved;
import dev.scrumpoker.application.play.RoomWrite.VoteCast;
import dev.scrumpoker.application.play.RoomWrite.VoteWithdrawn;
import dev.scrumpoker.application.play.RoomWrite.VotesCleared;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writes of many rooms' steps, folded into what they leave behind, so that each kind is one statement for the
 * whole batch: the last state of each seat, the rounds opened and closed, and each vote's last value (cast, or gone).
 * Folding keeps every room's result the same as applying its writes one by one, in order.
 */
final class JournalBatch {

    record RoundKey(String roomId, int number) {
    }

    record VoteKey(String roomId, int roundNumber, UUID participantId) {
    }

    final Map<UUID, SeatSaved> seats = new LinkedHashMap<>();
    final List<Round> opened = new ArrayList<>();
    final Set<RoundKey> cleared = new LinkedHashSet<>();
    /** Each vote's last value: the card, or null when it was withdrawn. */
    final Map<VoteKey, VoteCast> votes = new LinkedHashMap<>();
    final List<RoundRecord> closed = new ArrayList<>();
    final List<AuditEntry> audits = new ArrayList<>();
    /** Each story's last state; a story deleted afterwards is in {@link #deletedStories} instead. */
    final Map<UUID, StorySaved> stories = new LinkedHashMap<>();
    final Set<UUID> deletedStories = new LinkedHashSet<>();
    /** Each room's last session flow. */
    final Map<String, FlowSaved> flows = new LinkedHashMap<>();
    /** Each room's last invitation key. */
    final Map<String, InvitationReplaced> invitations = new LinkedHashMap<>();

    void add(RoomWrite write) {
        if (write instanceof SeatSaved seat) {
            seats.remove(seat.id());
            seats.put(seat.id(), seat);
        } else if (write instanceof RoundOpened round) {
            opened.add(round.round());
        } else if (write instanceof VoteCast vote) {
            votes.put(new VoteKey(vote.roomId(), vote.roundNumber(), vote.participantId()), vote);
        } else if (write instanceof VoteWithdrawn withdrawn) {
            votes.put(new VoteKey(withdrawn.roomId(), withdrawn.roundNumber(), withdrawn.participantId()), null);
        } else if (write instanceof VotesCleared clear) {
            // Every vote of the round goes, saved or in this batch; votes cast after the clear come back below it.
            cleared.add(new RoundKey(clear.roomId(), clear.roundNumber()));
            for (Iterator<VoteKey> keys = votes.keySet().iterator(); keys.hasNext(); ) {
                VoteKey key = keys.next();
                if (key.roomId().equals(clear.roomId()) && key.roundNumber() == clear.roundNumber()) {
                    keys.remove();
                }
            }
        } else if (write instanceof RoundClosed round) {
            closed.add(round.record());
        } else if (write instanceof InvitationReplaced invitation) {
            invitations.put(invitation.roomId(), invitation);
        } else if (write instanceof FlowSaved flow) {
            flows.put(flow.roomId(), flow);
        } else if (write instanceof StorySaved story) {
            stories.put(story.story().id(), story);
        } else if (write instanceof StoryDeleted deleted) {
            stories.remove(deleted.storyId());
            deletedStories.add(deleted.storyId());
        } else if (write instanceof Audited audited) {
            audits.add(audited.entry());
        }
    }

    /** Whether the batch holds nothing but cast votes (no seat, round, withdrawal, history, audit or invitation). */
    boolean isOnlyCastVotes() {
        return seats.isEmpty() && opened.isEmpty() && cleared.isEmpty() && closed.isEmpty() && audits.isEmpty()
                && invitations.isEmpty() && stories.isEmpty() && deletedStories.isEmpty() && flows.isEmpty() && !votes.containsValue(null);
    }

    List<VoteCast> castVotes() {
        return votes.values().stream().filter(vote -> vote != null).toList();
    }

    List<VoteKey> withdrawnVotes() {
        List<VoteKey> withdrawn = new ArrayList<>();
        votes.forEach((key, vote) -> {
            if (vote == null) {
                withdrawn.add(key);
            }
        });
        return withdrawn;
    }
}
