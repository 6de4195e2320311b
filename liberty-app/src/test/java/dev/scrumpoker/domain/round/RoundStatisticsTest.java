package dev.scrumpoker.domain.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoundStatisticsTest {

    /** Compares as the JSON will show it: 5 not 5.00, 0.5 not .50, 100 not 1E+2. */
    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(expected, actual == null ? null : actual.toPlainString());
        assertEquals(expected, actual == null ? null : actual.toString(), "no exponent notation");
    }

    private static String modes(RoundStatistics stats) {
        return stats.mode().stream().map(BigDecimal::toString).collect(Collectors.joining(" "));
    }

    private static RoundStatistics of(String... cards) {
        return RoundStatistics.of(List.of(cards));
    }

    @Test
    void typicalFibonacciRound() {
        RoundStatistics stats = of("3", "5", "8", "5");
        assertEquals(4, stats.count());
        assertNumber("5.25", stats.average());
        assertNumber("5", stats.median());
        assertNumber("3", stats.min());
        assertNumber("8", stats.max());
        assertEquals("5", modes(stats));
        assertFalse(stats.consensus());
    }

    @Test
    void everyoneAgreeingIsConsensus() {
        RoundStatistics stats = of("8", "8", "8");
        assertEquals(3, stats.count());
        assertNumber("8", stats.average());
        assertNumber("8", stats.median());
        assertNumber("8", stats.min());
        assertNumber("8", stats.max());
        assertEquals("8", modes(stats));
        assertTrue(stats.consensus());
    }

    @Test
    void aSingleNumericVoteIsConsensus() {
        RoundStatistics stats = of("13");
        assertEquals(1, stats.count());
        assertNumber("13", stats.average());
        assertNumber("13", stats.median());
        assertEquals("13", modes(stats));
        assertTrue(stats.consensus());
    }

    @Test
    void halfCountsAsZeroPointFive() {
        RoundStatistics stats = of("½", "1");
        assertEquals(2, stats.count());
        assertNumber("0.75", stats.average());
        assertNumber("0.75", stats.median());
        assertNumber("0.5", stats.min());
        assertNumber("1", stats.max());
        assertEquals("0.5 1", modes(stats));
        assertFalse(stats.consensus());
    }

    @Test
    void questionMarkAndCoffeeCountButAreNotNumbers() {
        RoundStatistics stats = of("?", "2", "☕", "3");
        assertEquals(4, stats.count());
        assertNumber("2.5", stats.average());
        assertNumber("2.5", stats.median());
        assertNumber("2", stats.min());
        assertNumber("3", stats.max());
        assertEquals("2 3", modes(stats));
        assertFalse(stats.consensus());
    }

    @Test
    void agreementAmongTheNumericVotesIsConsensusEvenWithAQuestionMark() {
        RoundStatistics stats = of("5", "?", "5");
        assertEquals(3, stats.count());
        assertTrue(stats.consensus());
        assertEquals("5", modes(stats));
    }

    @Test
    void noNumericVoteLeavesAllNumbersNull() {
        RoundStatistics stats = of("?", "☕", "?");
        assertEquals(3, stats.count());
        assertNull(stats.average());
        assertNull(stats.median());
        assertNull(stats.min());
        assertNull(stats.max());
        assertNull(stats.mode());
        assertNull(stats.consensus());
    }

    @Test
    void noVotesAtAll() {
        RoundStatistics stats = RoundStatistics.of(List.of());
        assertEquals(0, stats.count());
        assertNull(stats.average());
        assertNull(stats.median());
        assertNull(stats.min());
        assertNull(stats.max());
        assertNull(stats.mode());
        assertNull(stats.consensus());
    }

    @Test
    void tshirtSizesAreNotNumeric() {
        RoundStatistics stats = of("XS", "S", "M", "L", "XL", "XXL", "?");
        assertEquals(7, stats.count());
        assertNull(stats.average());
        assertNull(stats.median());
        assertNull(stats.min());
        assertNull(stats.max());
        assertNull(stats.mode());
        assertNull(stats.consensus());
    }

    @Test
    void orderOfVotesDoesNotMatter() {
        List<String> cards = new ArrayList<>(List.of("21", "1", "8", "3", "55", "0", "?"));
        RoundStatistics first = RoundStatistics.of(cards);
        Collections.reverse(cards);
        RoundStatistics reversed = RoundStatistics.of(cards);
        assertEquals(first, reversed);
        assertNumber("0", first.min());
        assertNumber("55", first.max());
        assertNumber("5.5", first.median());
        assertNumber("14.67", first.average());
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertNumber("3", of("100", "1", "3").median());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertNumber("10.5", of("1", "8", "13", "100").median());
        assertNumber("0.25", of("0", "½").median());
    }

    @ParameterizedTest
    @CsvSource({
            "'1,1,2', 1.33",
            "'1,2,2', 1.67",
            "'0,0,1', 0.33",
            "'½,½,1', 0.67",
            "'20,40', 30",
            "'100,100', 100",
            "'0,0', 0",
            "'½,½', 0.5"
    })
    void averageIsRoundedHalfUpToTwoDecimalsWithoutTrailingZeros(String cards, String expected) {
        assertNumber(expected, RoundStatistics.of(List.of(cards.split(","))).average());
    }

    @Test
    void largeCardsStayInPlainNotation() {
        RoundStatistics stats = of("100", "100", "40");
        assertNumber("100", stats.max());
        assertNumber("100", stats.median());
        assertNumber("80", stats.average());
        assertEquals("100", modes(stats));
    }

    @Test
    void tiedModesAreAllListedInAscendingOrder() {
        RoundStatistics stats = of("8", "3", "8", "13", "3", "5");
        assertEquals("3 8", modes(stats));
        assertFalse(stats.consensus());
    }

    @Test
    void whenNobodyAgreesEveryValueIsAMode() {
        assertEquals("1 2 3 5", modes(of("5", "3", "2", "1")));
    }

    @Test
    void equalNumbersWrittenDifferentlyAreOneValue() {
        RoundStatistics stats = of("1", "1.0", "1.00");
        assertEquals("1", modes(stats));
        assertTrue(stats.consensus());
        assertNumber("1", stats.average());
    }

    @Test
    void customDecimalAndNegativeCardsAreNumbers() {
        RoundStatistics stats = of("-1", "1.5", "?");
        assertEquals(3, stats.count());
        assertNumber("-1", stats.min());
        assertNumber("1.5", stats.max());
        assertNumber("0.25", stats.average());
    }

    @Test
    void modeListCannotBeChanged() {
        RoundStatistics stats = of("1", "2");
        assertThrows(UnsupportedOperationException.class, () -> stats.mode().add(BigDecimal.TEN));
    }

    @Test
    void modeGivenToTheConstructorIsCopied() {
        List<BigDecimal> mode = new ArrayList<>(List.of(BigDecimal.ONE));
        RoundStatistics stats = new RoundStatistics(1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                mode, true);
        mode.add(BigDecimal.TEN);
        assertEquals(List.of(BigDecimal.ONE), stats.mode());
    }

    @Test
    void storedStatisticsAreTidiedLikeComputedOnes() {
        RoundStatistics stored = new RoundStatistics(2, new BigDecimal("5.00"), new BigDecimal("5.0"),
                new BigDecimal("5.000"), new BigDecimal("5"), List.of(new BigDecimal("5.00")), true);
        assertNumber("5", stored.average());
        assertNumber("5", stored.median());
        assertNumber("5", stored.min());
        assertEquals("5", modes(stored));
        assertEquals(of("5", "5"), stored);
    }

    @Test
    void storedLargeNumbersStayPlain() {
        RoundStatistics stored = new RoundStatistics(1, new BigDecimal("1E+2"), new BigDecimal("100.00"),
                new BigDecimal("1E+2"), new BigDecimal("100"), List.of(new BigDecimal("1E+2")), true);
        assertNumber("100", stored.average());
        assertNumber("100", stored.median());
        assertNumber("100", stored.min());
        assertNumber("100", stored.max());
        assertEquals("100", modes(stored));
        assertEquals(of("100"), stored);
    }

    @Test
    void storedStatisticsWithoutNumbersStayNull() {
        RoundStatistics stored = new RoundStatistics(2, null, null, null, null, null, null);
        assertEquals(of("?", "☕"), stored);
    }

    @ParameterizedTest
    @CsvSource({"½, 0.5", "0, 0", "13, 13", "100, 100", "1.5, 1.5", "-2, -2", "007, 7", "999999999, 999999999"})
    void numericValueOfNumberCards(String card, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(RoundStatistics.numericValue(card)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"?", "☕", "XS", "XL", "", " 5", "5 ", "1e3", "9e999999", "1E+2", "NaN", "Infinity",
            "1/2", "0.5.1", "+1", "1234567890", "٣", "５", "1,5", ".5", "5."})
    void numericValueOfOtherCardsIsNull(String card) {
        assertNull(RoundStatistics.numericValue(card));
    }

    @Test
    void exponentCardsDoNotBlowUpTheStatistics() {
        RoundStatistics stats = of("9e999999", "1e-999999", "3");
        assertEquals(3, stats.count());
        assertNumber("3", stats.average());
        assertTrue(stats.consensus());
    }
}
