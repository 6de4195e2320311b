package dev.scrumpoker.interfaces.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JiraCsvTest {

    @Test
    void readsJirasExportWhateverTheOrderAndExtraColumns() {
        String csv = "\uFEFFSummary,Issue key,Issue id,Custom field (Story point estimate),Description\r\n"
                + "Log in,PROJ-1,10001,5,\"Two lines,\r\nwith \"\"quotes\"\"\"\r\n"
                + "Log out,PROJ-2,10002,,\r\n"
                + "\r\n";

        List<StoryDraft> drafts = JiraCsv.read(csv);

        assertEquals(List.of(new StoryDraft("PROJ-1", "Log in", null, "Two lines,\nwith \"quotes\"", "5"),
                new StoryDraft("PROJ-2", "Log out", null, null, null)), drafts);
    }

    @Test
    void aBadFileIsRefusedWholeNamingTheLineOfEachBadRow() {
        String csv = "Issue key,Summary,Story Points,Description\n"
                + "PROJ-1,A title,3,\"A description\nover two lines\"\n"
                + "PROJ-2,,5,\n"
                + "PROJ-3,Fine,lots,\n";

        DomainException refused = assertThrows(DomainException.class, () -> JiraCsv.read(csv));

        assertEquals("line 4: title must be 1–200 characters; line 5: Story Points must be a number from 0 to 9999,"
                + " not \"lots\"", refused.getMessage());
    }

    @Test
    void aFileWithoutSummaryOrWithoutStoriesOrUnclosedIsRefused() {
        assertTrue(assertThrows(DomainException.class, () -> JiraCsv.read("Key,Points\nA,1\n")).getMessage()
                .startsWith("line 1: no Summary column"));
        assertThrows(DomainException.class, () -> JiraCsv.read("Summary\n\n"));
        assertThrows(DomainException.class, () -> JiraCsv.read(""));
        assertEquals("line 3: the file is not UTF-8 text; save it as \"CSV UTF-8\" and import it again",
                assertThrows(DomainException.class, () -> JiraCsv.read("Summary\nFine\nCaf\uFFFD\n")).getMessage());
        assertEquals("line 2: a quoted field is never closed",
                assertThrows(DomainException.class, () -> JiraCsv.read("Summary\n\"open\n")).getMessage());
    }

    @Test
    void theExportReadsBackAsTheSameStoriesFormulasNeutralised() {
        Story risky = new Story(UUID.randomUUID(), "PROJ-9", "=HYPERLINK(\"http://x\")", null, "@SUM(A1)\nline", "8",
                Instant.EPOCH, Instant.EPOCH);

        String line = JiraCsv.line(risky);
        assertEquals("PROJ-9,\"'=HYPERLINK(\"\"http://x\"\")\",8,\"'@SUM(A1)\nline\"\r\n", line);

        List<StoryDraft> back = JiraCsv.read(JiraCsv.HEADER + line);
        assertEquals(List.of(new StoryDraft("PROJ-9", "=HYPERLINK(\"http://x\")", null, "@SUM(A1)\nline", "8")), back);
    }
}
