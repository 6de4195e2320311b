package dev.scrumpoker.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrumpoker.domain.backlog.Backlog;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.RoundStarted;
import dev.scrumpoker.domain.room.RoomEvent.StoriesAdded;
import dev.scrumpoker.domain.room.RoomEvent.StoryEstimated;
import dev.scrumpoker.domain.room.RoomEvent.StoryMoved;
import dev.scrumpoker.domain.room.RoomEvent.StoryRemoved;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The backlog as the room plays it: only the host changes it, rounds take its stories, estimates are recorded. */
class LiveRoomBacklogTest {

    private static final String NODE = "node-a";
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private LiveRoom live;
    private UUID host;
    private UUID voter;

    @BeforeEach
    void setUp() {
        Room room = new Room("Sprint 8", Deck.of(DeckType.FIBONACCI, null), Privacy.PUBLIC, UUID.randomUUID(), now);
        live = LiveRoom.restore(room, List.of(), new Round(room.id(), 1, null, null, now, null, null), Map.of(),
                SessionFlow.DEFAULT, new Backlog(List.of(), 5), UUID::randomUUID);
        host = join("Hana");
        voter = join("Vic");
    }

    private UUID join(String name) {
        List<RoomEvent> events = live.join(UUID.randomUUID(), name, Role.VOTER, now, NODE);
        return assertInstanceOf(ParticipantJoined.class, events.get(0)).participant().id();
    }

    private List<Story> add(String... titles) {
        List<StoryDraft> drafts = Arrays.stream(titles).map(t -> new StoryDraft(null, t, null, null, null))
                .toList();
        return live.addStories(host, drafts, now).stream().flatMap(e -> ((StoriesAdded) e).stories().stream()).toList();
    }

    private static void assertRefused(Reason reason, Executable action) {
        assertEquals(reason, assertThrows(DomainException.class, action).reason());
    }

    @Test
    void onlyTheHostChangesTheBacklog() {
        Story story = add("Log in").get(0);
        StoryDraft draft = new StoryDraft(null, "Sneaky", null, null, null);

        assertRefused(Reason.FORBIDDEN, () -> live.addStories(voter, List.of(draft), now));
        assertRefused(Reason.FORBIDDEN, () -> live.editStory(voter, story.id(), draft));
        assertRefused(Reason.FORBIDDEN, () -> live.removeStory(voter, story.id()));
        assertRefused(Reason.FORBIDDEN, () -> live.moveStory(voter, story.id(), 0));
        assertRefused(Reason.FORBIDDEN, () -> live.estimateStory(voter, story.id(), "5", now));
        assertEquals(List.of("Log in"), live.stories().stream().map(Story::title).toList());
    }

    @Test
    void addedStoriesAreAnnouncedWithTheirPlaces() {
        add("A");
        List<RoomEvent> events = live.addStories(host, List.of(new StoryDraft(null, "B", null, null, "3"),
                new StoryDraft(null, "C", null, null, null)), now);

        StoriesAdded added = assertInstanceOf(StoriesAdded.class, events.get(0));
        assertEquals(1, events.size(), "one event for the request");
        assertEquals(1, added.position());
        assertEquals(List.of("B", "C"), added.stories().stream().map(Story::title).toList());
        assertEquals("3", added.stories().get(0).estimate(), "an imported estimate is kept");
        assertRefused(Reason.INVALID_CARD, () -> live.addStories(host,
                List.of(new StoryDraft(null, "D", null, null, "huge")), now));
        assertRefused(Reason.FORBIDDEN, () -> add("D", "E", "F"));
        assertEquals(3, live.stories().size(), "a refused request adds nothing");
    }

    @Test
    void storiesTooLargeForOneMessageTogetherComeInSeveralEventsInOrder() {
        live = LiveRoom.restore(live.room(), List.of(), new Round(live.room().id(), 1, null, null, now, null, null),
                Map.of(), SessionFlow.DEFAULT, new Backlog(List.of(), 1000), UUID::randomUUID);
        host = join("Hana");
        String description = "\u4e2d".repeat(StoryDraft.MAX_DESCRIPTION);
        String link = "https://example.test/" + "a".repeat(StoryDraft.MAX_LINK - 21);
        List<StoryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(new StoryDraft(null, "Story " + i, link, description, null));
        }

        List<RoomEvent> events = live.addStories(host, drafts, now);

        assertEquals(5, events.size(), "a story of 2,000 CJK characters and a 2,000-character link (8 KB) goes alone");
        List<Integer> positions = events.stream().map(e -> ((StoriesAdded) e).position()).toList();
        assertEquals(List.of(0, 1, 2, 3, 4), positions);
        List<RoomEvent> small = live.addStories(host, Collections.nCopies(100,
                new StoryDraft(null, "Short", null, null, null)), now);
        assertEquals(1, small.size(), "a hundred short stories travel together");
        assertEquals(5, ((StoriesAdded) small.get(0)).position());
    }

    @Test
    void aRoundWithoutTitleTakesTheNextStoryWithoutEstimate() {
        List<Story> stories = add("A", "B");
        live.estimateStory(host, stories.get(0).id(), "5", now);

        RoundStarted started = assertInstanceOf(RoundStarted.class, live.startRound(host, null, null, now).get(0));

        assertEquals(stories.get(1).id(), started.storyId());
        assertEquals("B", started.storyTitle());
        assertEquals(stories.get(1).id(), live.snapshotFor(host).storyId());
    }

    @Test
    void aRoundCanReVoteAChosenStoryOrEstimateNoneWhenGivenATitle() {
        List<Story> stories = add("A", "B");
        live.estimateStory(host, stories.get(0).id(), "5", now);

        RoundStarted again = (RoundStarted) live.startRound(host, "ignored", stories.get(0).id(), now).get(0);
        assertEquals(stories.get(0).id(), again.storyId());
        assertEquals("A", again.storyTitle(), "the story's title, not the one sent");

        RoundStarted free = (RoundStarted) live.startRound(host, "Spike", null, now).get(0);
        assertNull(free.storyId());
        assertEquals("Spike", free.storyTitle());

        assertRefused(Reason.NOT_FOUND, () -> live.startRound(host, null, UUID.randomUUID(), now));
    }

    @Test
    void theEstimateOfTheRevealedRoundsStoryNamesTheRound() {
        Story story = add("A").get(0);
        live.startRound(host, null, null, now);
        live.castVote(voter, "8", now);
        live.reveal(host, now);

        StoryEstimated estimated = (StoryEstimated) live.estimateStory(host, null, "8", now).get(0);

        assertEquals(new StoryEstimated(story.id(), "8", 2), estimated);
        RoomSnapshot snapshot = live.snapshotFor(voter);
        assertEquals(1, snapshot.stories());
        assertEquals(1, snapshot.storiesEstimated());
        live.startRound(host, "Other", null, now);
        assertEquals(List.of(new StoryEstimated(story.id(), "6.5", null)),
                live.estimateStory(host, story.id(), "6.50", now),
                "outside its round: no round number; a number between cards is kept in its shortest form");
    }

    @Test
    void withoutACurrentStoryTheEstimateMustNameOne() {
        add("A");
        live.startRound(host, "Spike", null, now);

        assertRefused(Reason.VALIDATION_FAILED, () -> live.estimateStory(host, null, "3", now));
    }

    @Test
    void movesAndRemovalsAreAnnounced() {
        List<Story> stories = add("A", "B", "C");

        assertEquals(List.of(new StoryMoved(stories.get(2).id(), 0)), live.moveStory(host, stories.get(2).id(), 0));
        assertEquals(List.of(new StoryRemoved(stories.get(0).id())), live.removeStory(host, stories.get(0).id()));
        assertEquals(List.of("C", "B"), live.stories().stream().map(Story::title).toList());
        assertRefused(Reason.NOT_FOUND, () -> live.removeStory(host, stories.get(0).id()));
    }
}
