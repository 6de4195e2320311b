package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.interfaces.representation.JiraCsv;
import java.util.List;

/** Reads the backlog's client messages: stories typed by the host, or a Jira CSV file they imported. */
final class StoryMessages {

    /** A message is at most 16 KiB; this bounds the work one message can ask for, whatever it holds. */
    static final int MAX_PER_MESSAGE = 100;

    private StoryMessages() {
    }

    /** {@code {"key"?, "title", "link"?, "description"?, "estimate"?}}. */
    static StoryDraft draft(ClientMessage message) {
        String key = message.optionalString("key").orElse(null);
        String title = message.requiredString("title");
        String link = message.optionalString("link").orElse(null);
        String description = message.optionalString("description").orElse(null);
        String estimate = message.optionalString("estimate").orElse(null);
        return message.checked(() -> new StoryDraft(key, title, link, description, estimate));
    }

    /** {@code {"csv"}}: the file's text; one bad line refuses the whole file, naming the lines. */
    static List<StoryDraft> imported(ClientMessage message) {
        String csv = message.requiredString("csv");
        return message.checked(() -> JiraCsv.read(csv));
    }
}
