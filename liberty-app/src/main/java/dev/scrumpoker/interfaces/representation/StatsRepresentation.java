package dev.scrumpoker.interfaces.representation;

import dev.scrumpoker.domain.round.RoundStatistics;
import java.math.BigDecimal;
import java.util.List;

/** Round statistics as the API shows them; the numbers are null when no vote was numeric. */
public record StatsRepresentation(int count, BigDecimal average, BigDecimal median, BigDecimal min, BigDecimal max,
                                  List<BigDecimal> mode, Boolean consensus) {

    public static StatsRepresentation of(RoundStatistics stats) {
        return stats == null ? null : new StatsRepresentation(stats.count(), stats.average(), stats.median(),
                stats.min(), stats.max(), stats.mode(), stats.consensus());
    }
}
