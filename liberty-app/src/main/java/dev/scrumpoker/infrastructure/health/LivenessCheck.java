package dev.scrumpoker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the heap is not nearly exhausted after collection; a restart is the cure otherwise. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double used = heap.getMax() > 0 ? (double) heap.getUsed() / heap.getMax() : 0;
        return HealthCheckResponse.named("jvm-heap").status(used < MAX_HEAP_USE)
                .withData("usedPercent", Math.round(used * 100)).build();
    }
}
