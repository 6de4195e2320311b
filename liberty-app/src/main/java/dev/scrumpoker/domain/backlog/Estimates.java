package dev.scrumpoker.domain.backlog;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * What an agreed estimate may be: one of the room's cards as it is written on the card, or a plain number of story
 * points (0–9999, at most two decimals), which teams use when the agreement falls between two cards.
 */
public final class Estimates {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}(\\.\\d{1,2})?");

    private Estimates() {
    }

    /** The estimate as stored, or null for none; a number is written in its shortest form ({@code 5.0} is 5). */
    public static String check(String value, Collection<String> cards) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String estimate = value.strip();
        if (cards.contains(estimate)) {
            return estimate;
        }
        if (NUMBER.matcher(estimate).matches()) {
            return new BigDecimal(estimate).stripTrailingZeros().toPlainString();
        }
        throw new DomainException(Reason.INVALID_CARD,
                "an estimate is a card of this room's deck " + cards + " or a number of points from 0 to 9999");
    }
}
