package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.round.RoundStatistics;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A round's statistics as the seven columns that both {@code rounds} and {@code round_history} keep them in. Numbers
 * are written as text in their plain form and cast by the SQL, so that nulls are typed and nothing is rounded.
 */
final class StatisticsColumns {

    static final String NAMES = "vote_count, average, median, min_value, max_value, mode, consensus";
    private static final String MODE_SEPARATOR = " ";

    private StatisticsColumns() {
    }

    /** Reads the seven columns starting at {@code first} of a result row. */
    static RoundStatistics read(Object[] row, int first) {
        return new RoundStatistics(((Number) row[first]).intValue(), decimal(row[first + 1]), decimal(row[first + 2]),
                decimal(row[first + 3]), decimal(row[first + 4]), modes((String) row[first + 5]),
                (Boolean) row[first + 6]);
    }

    /** A number column's value, as text. */
    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The {@code mode} column: the most frequent values, separated by spaces. */
    static String mode(RoundStatistics stats) {
        return stats.mode() == null ? null
                : stats.mode().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(MODE_SEPARATOR));
    }

    private static List<BigDecimal> modes(String column) {
        return column == null ? null : Arrays.stream(column.split(MODE_SEPARATOR)).map(BigDecimal::new).toList();
    }

    private static BigDecimal decimal(Object column) {
        return column == null ? null : new BigDecimal(column.toString());
    }
}
