package dev.scrumpoker.infrastructure.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.application.play.RoomWrite.SeatSaved;
import dev.scrumpoker.application.play.RoomWrite.StoryDeleted;
import dev.scrumpoker.application.play.RoomWrite.StorySaved;
import dev.scrumpoker.application.play.RoomWrite.VoteCast;
import dev.scrumpoker.application.play.RoomWrite.VoteWithdrawn;
import dev.scrumpoker.application.play.RoomWrite.VotesCleared;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.infrastructure.postgresql.JournalBatch.RoundKey;
import dev.scrumpoker.infrastructure.postgresql.JournalBatch.VoteKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JournalBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final UUID ADA = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    private final JournalBatch batch = new JournalBatch();

    @Test
    void aVoteChangedWithinTheBatchIsWrittenOnceWithItsLastCard() {
        batch.add(vote("r1", 1, ADA, "3"));
        batch.add(vote("r1", 1, BOB, "5"));
        batch.add(vote("r1", 1, ADA, "8"));

        assertEquals(List.of(vote("r1", 1, ADA, "8"), vote("r1", 1, BOB, "5")), batch.castVotes());
        assertTrue(batch.isOnlyCastVotes());
    }

    @Test
    void aVoteWithdrawnAfterItWasCastIsDeletedNotWritten() {
        batch.add(vote("r1", 1, ADA, "3"));
        batch.add(new VoteWithdrawn("r1", 1, ADA));

        assertEquals(List.of(), batch.castVotes());
        assertEquals(List.of(new VoteKey("r1", 1, ADA)), batch.withdrawnVotes());
        assertFalse(batch.isOnlyCastVotes());
    }

    @Test
    void clearingARoundDropsItsEarlierVotesButKeepsLaterOnesAndOtherRooms() {
        batch.add(vote("r1", 1, ADA, "3"));
        batch.add(vote("r2", 1, ADA, "5"));
        batch.add(new VotesCleared("r1", 1));
        batch.add(vote("r1", 1, BOB, "13"));

        assertEquals(List.of(new RoundKey("r1", 1)), List.copyOf(batch.cleared));
        assertEquals(List.of(vote("r2", 1, ADA, "5"), vote("r1", 1, BOB, "13")), batch.castVotes());
        assertFalse(batch.isOnlyCastVotes());
    }

    @Test
    void aStoryKeepsItsLastStateAndOneDeletedInTheBatchIsOnlyDeleted() {
        Story kept = new Story(ADA, "P-1", "Log in", null, null, null, null, NOW);
        Story gone = new Story(BOB, null, "Log out", null, null, null, null, NOW);
        batch.add(new StorySaved("r1", 0, kept));
        batch.add(new StorySaved("r1", 1, gone));
        batch.add(new StorySaved("r1", 1, new Story(ADA, "P-1", "Log in", null, null, "5", NOW, NOW)));
        batch.add(new StoryDeleted("r1", BOB));

        assertEquals(List.of(new StorySaved("r1", 1, new Story(ADA, "P-1", "Log in", null, null, "5", NOW, NOW))),
                List.copyOf(batch.stories.values()));
        assertEquals(List.of(BOB), List.copyOf(batch.deletedStories));
        assertFalse(batch.isOnlyCastVotes());
    }

    @Test
    void aSeatSavedTwiceKeepsItsLastState() {
        batch.add(seat(ADA, true));
        batch.add(seat(BOB, true));
        batch.add(seat(ADA, false));

        assertEquals(List.of(seat(BOB, true), seat(ADA, false)), List.copyOf(batch.seats.values()));
        assertFalse(batch.isOnlyCastVotes());
    }

    private static VoteCast vote(String room, int round, UUID seat, String card) {
        return new VoteCast(room, round, seat, card, NOW);
    }

    private static SeatSaved seat(UUID id, boolean seated) {
        return new SeatSaved(id, "r1", id, "Ada", Role.VOTER, false, seated, false, NOW);
    }
}
