package dev.scrumpoker.domain.backlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BacklogTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<String> CARDS = List.of("0", "1", "2", "3", "5", "8", "13", "?");

    private final Backlog backlog = new Backlog(List.of(), 3);

    private List<Story> add(String... titles) {
        List<StoryDraft> drafts = new ArrayList<>();
        for (String title : titles) {
            drafts.add(new StoryDraft(null, title, null, null, null));
        }
        return backlog.add(drafts, Collections.nCopies(titles.length, null), UUID::randomUUID, NOW);
    }

    private List<String> titles() {
        return backlog.stories().stream().map(Story::title).toList();
    }

    @Test
    void storiesAreAddedAtTheEndInTheirOrder() {
        add("Log in");
        add("Log out", "Reset password");

        assertEquals(List.of("Log in", "Log out", "Reset password"), titles());
    }

    @Test
    void storiesOverTheCapacityAreRefusedAllTogether() {
        add("Log in", "Log out");

        DomainException refused = assertThrows(DomainException.class, () -> add("Reset password", "Sign up"));

        assertEquals(Reason.FORBIDDEN, refused.reason());
        assertEquals(List.of("Log in", "Log out"), titles(), "nothing of the refused request was added");
    }

    @Test
    void aMovedStoryKeepsTheOthersInTheirOrder() {
        List<Story> stories = add("A", "B", "C");

        backlog.move(stories.get(2).id(), 0);
        assertEquals(List.of("C", "A", "B"), titles());
        backlog.move(stories.get(2).id(), 2);
        assertEquals(List.of("A", "B", "C"), titles());

        assertEquals(Reason.VALIDATION_FAILED,
                assertThrows(DomainException.class, () -> backlog.move(stories.get(0).id(), 3)).reason());
    }

    @Test
    void theNextStoryToEstimateIsTheFirstWithoutAnEstimate() {
        List<Story> stories = add("A", "B", "C");
        backlog.estimate(stories.get(0).id(), "5", NOW);

        assertEquals(stories.get(1).id(), backlog.nextUnestimated().orElseThrow().id());
        assertEquals(1, backlog.estimatedCount());

        backlog.estimate(stories.get(0).id(), null, NOW);
        assertEquals(stories.get(0).id(), backlog.nextUnestimated().orElseThrow().id(), "a cleared estimate counts as none");
        assertNull(backlog.require(stories.get(0).id()).estimatedAt());
    }

    @Test
    void anUnknownStoryIsNotFound() {
        assertEquals(Reason.NOT_FOUND,
                assertThrows(DomainException.class, () -> backlog.remove(UUID.randomUUID())).reason());
    }

    @Test
    void editingAStoryKeepsItsEstimate() {
        Story story = add("Log in").get(0);
        backlog.estimate(story.id(), "8", NOW);

        Story edited = backlog.edit(story.id(), new StoryDraft("PROJ-7", "Sign in", null, null, null));

        assertEquals("PROJ-7", edited.key());
        assertEquals("Sign in", edited.title());
        assertEquals("8", edited.estimate());
    }

    @Test
    void anEstimateIsACardOrAPlainNumberOfPoints() {
        assertEquals("13", Estimates.check(" 13 ", CARDS));
        assertEquals("?", Estimates.check("?", CARDS));
        assertEquals("4", Estimates.check("4.0", CARDS), "between two cards, written in its shortest form");
        assertEquals("2.5", Estimates.check("2.50", CARDS));
        assertNull(Estimates.check("  ", CARDS));
        for (String bad : List.of("XL", "-1", "1e3", "12345", "1.234", "five")) {
            assertEquals(Reason.INVALID_CARD,
                    assertThrows(DomainException.class, () -> Estimates.check(bad, CARDS)).reason(), bad);
        }
    }

    @Test
    void aDraftIsCheckedLikeAnyTextUsersType() {
        StoryDraft draft = new StoryDraft("  PROJ-1 ", " Log in ", "https://jira.example.test/browse/PROJ-1",
                "First line\r\n\tsecond line\n", null);
        assertEquals("PROJ-1", draft.key());
        assertEquals("Log in", draft.title());
        assertEquals("First line\n\tsecond line", draft.description(), "line breaks and tabs stay in a description");

        for (String link : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.test/x",
                "https://", "not a link")) {
            assertThrows(DomainException.class, () -> new StoryDraft(null, "T", link, null, null), link);
        }
        assertThrows(DomainException.class, () -> new StoryDraft(null, " ", null, null, null));
        assertThrows(DomainException.class, () -> new StoryDraft(null, "T\u0007", null, null, null));
        assertThrows(DomainException.class, () -> new StoryDraft(null, "T", null, "bell\u0007", null));
        assertThrows(DomainException.class, () -> new StoryDraft("K".repeat(StoryDraft.MAX_KEY + 1), "T", null, null,
                null));
        assertThrows(DomainException.class,
                () -> new StoryDraft(null, "T", null, "d".repeat(StoryDraft.MAX_DESCRIPTION + 1), null));
    }
}
