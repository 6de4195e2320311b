package dev.scrumpoker.infrastructure.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivenessCheckTest {

    private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans();

    @Test
    void garbageWaitingForTheNextCollectionDoesNotCount() {
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        double before = LivenessCheck.usedAfterCollection(POOLS, max);
        // Garbage worth a tenth of the heap, dropped at once: the heap in use grows, what collections leave does not.
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[(int) Math.min(Integer.MAX_VALUE - 8, max / 10 / garbage.length)];
        }
        long instantaneous = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        garbage = null;

        assertTrue(instantaneous > max / 10, "the garbage was in the heap");
        assertEquals(before, LivenessCheck.usedAfterCollection(POOLS, max), 0.05);
    }

    @Test
    void noHeapNoVerdictAgainstIt() {
        assertEquals(0, LivenessCheck.usedAfterCollection(POOLS, -1));
        assertTrue(LivenessCheck.usedAfterCollection(POOLS, Long.MAX_VALUE) < 0.01);
    }
}
