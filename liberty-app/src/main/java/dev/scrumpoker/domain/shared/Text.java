package dev.scrumpoker.domain.shared;

/** Checks for the free text users type: names, titles, card labels. */
public final class Text {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Text() {
    }

    /**
     * Trims the text and checks its length in Unicode code points, so an emoji counts as one character.
     * Control characters are refused: they have no place in a name and break logs and CSV exports. So are the
     * invisible format characters that make text lie about itself: direction overrides and isolates (a name that
     * reads backwards, "Bob" posing as an admin) and zero-width spaces (two names that look alike). The joiners
     * U+200C and U+200D stay: scripts such as Persian and emoji sequences need them.
     */
    public static String require(String field, String value, int min, int max) {
        if (value == null) {
            throw DomainException.invalid(field + " is required");
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min || length > max) {
            throw DomainException.invalid(field + " must be " + min + "–" + max + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid(field + " must not contain control characters");
        }
        if (trimmed.codePoints().anyMatch(Text::isDeceptiveFormat)) {
            throw DomainException.invalid(field + " must not contain invisible direction or zero-width characters");
        }
        return trimmed;
    }

    private static boolean isDeceptiveFormat(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && codePoint != ZERO_WIDTH_NON_JOINER
                && codePoint != ZERO_WIDTH_JOINER;
    }

    /**
     * Like {@link #optional} for text that may run over several lines (a story's description): line breaks and tabs
     * are kept, other control characters refused. Line ends are stored as {@code \n}.
     */
    public static String optionalMultiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lines = value.replace("\r\n", "\n").replace('\r', '\n');
        // Checked as one line (breaks and tabs as spaces, one for one): the same length and character rules apply.
        require(field, lines.replace('\n', ' ').replace('\t', ' '), 1, max);
        return lines.strip();
    }

    /** Like {@link #require} but a missing or blank value is allowed and gives {@code null}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return require(field, value, 1, max);
    }
}
