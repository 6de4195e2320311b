package dev.scrumpoker.domain.backlog;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A story as the host typed or imported it, checked: a title, and optionally the tracker's key ({@code PROJ-123}),
 * a link and a description. {@code estimate} is only set by an import that carries story points; it is checked
 * against the room's deck when the story is added ({@link Estimates}).
 */
public record StoryDraft(String key, String title, String link, String description, String estimate) {

    public static final int MAX_KEY = 32;
    public static final int MAX_TITLE = 200;
    public static final int MAX_LINK = 2000;
    /** Short enough that a story, in any script, fits in one 16 KiB frame with room to spare. */
    public static final int MAX_DESCRIPTION = 2000;

    public StoryDraft {
        key = Text.optional("key", key, MAX_KEY);
        title = Text.require("title", title, 1, MAX_TITLE);
        link = link(Text.optional("link", link, MAX_LINK));
        description = Text.optionalMultiline("description", description, MAX_DESCRIPTION);
        estimate = estimate == null || estimate.isBlank() ? null : estimate.strip();
    }

    /** Only web links: a {@code javascript:} or {@code data:} link would run in the browser of whoever clicks it. */
    private static String link(String link) {
        if (link == null) {
            return null;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return link;
            }
        } catch (URISyntaxException notALink) {
            // refused below, with the same message as any other bad link
        }
        throw DomainException.invalid("link must be an http or https URL");
    }
}
