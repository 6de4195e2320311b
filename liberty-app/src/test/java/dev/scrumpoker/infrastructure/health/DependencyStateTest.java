package dev.scrumpoker.infrastructure.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.infrastructure.health.DependencyState.Outcome;
import org.junit.jupiter.api.Test;

class DependencyStateTest {

    private static final long SECOND = 1_000_000_000L;
    private final DependencyState state = new DependencyState(10 * SECOND);

    @Test
    void downUntilAFirstCheckFindsItUp() {
        assertFalse(state.isUp(0));
        state.record(Outcome.UP, SECOND);
        assertTrue(state.isUp(2 * SECOND));
    }

    @Test
    void aFailedCheckTakesItDown() {
        state.record(Outcome.UP, SECOND);
        state.record(Outcome.DOWN, 2 * SECOND);
        assertFalse(state.isUp(2 * SECOND));
    }

    @Test
    void aBusyPoolKeepsTheLastOutcomeAndCountsAsFresh() {
        state.record(Outcome.UP, SECOND);
        for (long at = 5; at <= 60; at += 5) {
            state.record(Outcome.BUSY, at * SECOND);
        }
        assertTrue(state.isUp(61 * SECOND), "a saturated pool is a working database");
        assertTrue(state.wasBusy());

        state.record(Outcome.DOWN, 62 * SECOND);
        state.record(Outcome.BUSY, 63 * SECOND);
        assertFalse(state.isUp(63 * SECOND), "busy after down stays down");
    }

    @Test
    void aStateNobodyRefreshedCountsAsDown() {
        state.record(Outcome.UP, SECOND);
        assertTrue(state.isUp(11 * SECOND));
        assertFalse(state.isUp(12 * SECOND), "the checker is stuck");
    }
}
