package dev.scrumpoker.domain.shared;

/** Checks for the free text users type: names, titles, card labels. */
public final class Text {

    private Text() {
    }

    /**
     * Trims the text and checks its length in Unicode code points, so an emoji counts as one character.
     * Control characters are refused: they have no place in a name and break logs and CSV exports.
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
        return trimmed;
    }

    /** Like {@link #require} but a missing or blank value is allowed and gives {@code null}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return require(field, value, 1, max);
    }
}
