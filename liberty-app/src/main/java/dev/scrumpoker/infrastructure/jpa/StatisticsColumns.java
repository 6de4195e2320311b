package dev.scrumpoker.infrastructure.jpa;

import dev.scrumpoker.domain.round.RoundStatistics;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A round's statistics as the seven columns that both {@code rounds} and {@code round_history} keep them in. */
final class StatisticsColumns {

    static final String NAMES = "vote_count, average, median, min_value, max_value, mode, consensus";
    private static final String[] COLUMNS = NAMES.split(", ");
    /** SQL types of the columns: values are bound as text (or null) and cast, so that nulls are typed. */
    private static final String[] TYPES = {"integer", "numeric", "numeric", "numeric", "numeric", "text", "boolean"};
    private static final String MODE_SEPARATOR = " ";

    private StatisticsColumns() {
    }

    /** For an INSERT's VALUES: seven placeholders from {@code ?first}, to bind with {@link #bind}. */
    static String placeholders(int first) {
        return IntStream.range(0, COLUMNS.length)
                .mapToObj(i -> "CAST(?" + (first + i) + " AS " + TYPES[i] + ")").collect(Collectors.joining(", "));
    }

    /** For an UPDATE's SET: the seven columns from parameter {@code ?first}, to bind with {@link #bind}. */
    static String assignments(int first) {
        return IntStream.range(0, COLUMNS.length)
                .mapToObj(i -> COLUMNS[i] + " = CAST(?" + (first + i) + " AS " + TYPES[i] + ")")
                .collect(Collectors.joining(", "));
    }

    /** Binds the statistics to seven parameters from {@code first}; values go as text, the SQL casts them. */
    static void bind(Query query, int first, RoundStatistics stats) {
        query.setParameter(first, stats.count())
                .setParameter(first + 1, text(stats.average()))
                .setParameter(first + 2, text(stats.median()))
                .setParameter(first + 3, text(stats.min()))
                .setParameter(first + 4, text(stats.max()))
                .setParameter(first + 5, stats.mode() == null ? null
                        : stats.mode().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(MODE_SEPARATOR)))
                .setParameter(first + 6, stats.consensus() == null ? null : stats.consensus().toString());
    }

    /** Reads the seven columns starting at {@code first} of a result row. */
    static RoundStatistics read(Object[] row, int first) {
        return new RoundStatistics(((Number) row[first]).intValue(), decimal(row[first + 1]), decimal(row[first + 2]),
                decimal(row[first + 3]), decimal(row[first + 4]), modes((String) row[first + 5]),
                (Boolean) row[first + 6]);
    }

    private static List<BigDecimal> modes(String column) {
        return column == null ? null : Arrays.stream(column.split(MODE_SEPARATOR)).map(BigDecimal::new).toList();
    }

    private static BigDecimal decimal(Object column) {
        return column == null ? null : new BigDecimal(column.toString());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
