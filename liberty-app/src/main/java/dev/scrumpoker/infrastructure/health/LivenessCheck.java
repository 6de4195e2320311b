package dev.scrumpoker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the heap, as the last collection left it, is not nearly exhausted; a restart is the cure otherwise. The
 * heap in use at any moment between collections says nothing (it fills up before every collection, by design), so a
 * probe that read it would restart a healthy pod under load.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        double used = usedAfterCollection(ManagementFactory.getMemoryPoolMXBeans(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        return HealthCheckResponse.named("jvm-heap").status(used < MAX_HEAP_USE)
                .withData("usedAfterCollectionPercent", Math.round(used * 100)).build();
    }

    /** The share of the heap's maximum that the heap pools held right after their last collection (0 before any). */
    static double usedAfterCollection(List<MemoryPoolMXBean> pools, long heapMax) {
        if (heapMax <= 0) {
            return 0;
        }
        long used = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return (double) used / heapMax;
    }
}
