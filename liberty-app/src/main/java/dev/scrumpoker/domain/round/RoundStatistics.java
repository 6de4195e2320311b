package dev.scrumpoker.domain.round;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a revealed round says: how many voted and, over the numeric cards only, average, median, extremes, the most
 * frequent values and whether everyone agreed. {@code ½} counts as 0.5; {@code ?}, {@code ☕} and other words count
 * in {@code count} but not in the numbers, which are all null when no vote was numeric.
 */
public record RoundStatistics(int count, BigDecimal average, BigDecimal median, BigDecimal min, BigDecimal max,
                              List<BigDecimal> mode, Boolean consensus) {

    private static final int SCALE = 2;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,9}(\\.\\d{1,9})?");

    /** Numbers are kept in their shortest plain form (5, not 5.00), however they were computed or stored. */
    public RoundStatistics {
        average = tidy(average);
        median = tidy(median);
        min = tidy(min);
        max = tidy(max);
        mode = mode == null ? null : mode.stream().map(RoundStatistics::tidy).toList();
    }

    public static RoundStatistics of(Collection<String> cards) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (String card : cards) {
            BigDecimal value = numericValue(card);
            if (value != null) {
                numbers.add(value);
            }
        }
        if (numbers.isEmpty()) {
            return new RoundStatistics(cards.size(), null, null, null, null, null, null);
        }
        numbers.sort(null);
        BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = numbers.size();
        BigDecimal average = sum.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_UP);
        BigDecimal median = n % 2 == 1
                ? numbers.get(n / 2)
                : numbers.get(n / 2 - 1).add(numbers.get(n / 2)).divide(BigDecimal.valueOf(2), SCALE, RoundingMode.HALF_UP);
        BigDecimal min = numbers.get(0);
        BigDecimal max = numbers.get(n - 1);
        return new RoundStatistics(cards.size(), average, median, min, max, modes(numbers),
                min.compareTo(max) == 0);
    }

    /** The number a card stands for, or null for cards that are not numbers ({@code ?}, {@code ☕}, {@code XL}). */
    public static BigDecimal numericValue(String card) {
        if ("½".equals(card)) {
            return new BigDecimal("0.5");
        }
        // Plain decimals only: exponent forms such as 9e999999 would make later arithmetic enormous.
        return card != null && PLAIN_DECIMAL.matcher(card).matches() ? new BigDecimal(card) : null;
    }

    private static List<BigDecimal> modes(List<BigDecimal> sortedNumbers) {
        Map<BigDecimal, Integer> frequency = new TreeMap<>();
        for (BigDecimal number : sortedNumbers) {
            frequency.merge(number, 1, Integer::sum);
        }
        int highest = frequency.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<BigDecimal> modes = new ArrayList<>();
        frequency.forEach((value, times) -> {
            if (times == highest) {
                modes.add(value);
            }
        });
        return modes;
    }

    /** 5.00 → 5 and 0.50 → 0.5, without switching to exponent notation (100 stays 100, not 1E+2). */
    private static BigDecimal tidy(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
