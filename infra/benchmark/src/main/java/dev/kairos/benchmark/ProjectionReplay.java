package dev.kairos.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Rebuilds the schedule projection through the engine's own endpoint ({@code POST /platform/projections/schedule/rebuild})
 * once the event store holds the preloaded history, and follows it through {@code GET /platform/projections/schedule}
 * until the engine reports it caught up with the head the store had when it began. The heap is sampled meanwhile (the
 * engine runs in this JVM).
 */
final class ProjectionReplay {
    static final String GROUP = "schedule";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    /**
     * @param events           events replayed (the store's head when the rebuild began)
     * @param duration         from the rebuild's start until every segment had reached that head, as the engine measured it
     * @param eventsPerSecond  {@code events / duration}
     * @param heapHighWater    the most heap in use at any sample during the replay, in bytes
     * @param heapBefore       heap in use just before it, in bytes
     */
    record Result(long events, Duration duration, double eventsPerSecond, long heapHighWater, long heapBefore) {
    }

    private final KairosApi api;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    ProjectionReplay(KairosApi api) {
        this.api = api;
    }

    Result run() throws InterruptedException {
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long highWater = heapBefore;
        long started = System.nanoTime();
        long lastReport = started;
        JsonNode status = api.rebuildProjection(GROUP);
        long target = status.path("rebuild").path("target").asLong();
        System.out.printf("    rebuilding %s from %,d events%n", GROUP, target);
        while (!status.path("rebuild").path("finishedAt").isTextual()) {
            Thread.sleep(POLL.toMillis());
            highWater = Math.max(highWater, memory.getHeapMemoryUsage().getUsed());
            status = api.projection(GROUP);
            if (status.path("rebuild").path("target").asLong() != target) {
                throw new IllegalStateException("another rebuild of " + GROUP + " started meanwhile: " + status);
            }
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                JsonNode rebuild = status.path("rebuild");
                System.out.printf("    replayed %,d of %,d events (%.0fs, %,d events/s)%n", rebuild.path("replayed").asLong(), target,
                        (lastReport - started) / 1e9, rebuild.path("eventsPerSecond").asLong());
            }
        }
        JsonNode rebuild = status.path("rebuild");
        Duration duration = Duration.ofNanos(Math.round(rebuild.path("seconds").asDouble() * 1e9));
        double rate = target / Math.max(rebuild.path("seconds").asDouble(), 1e-9);
        System.out.printf("    rebuilt %s: %,d events in %.1f s, %,.0f events/s, heap high-water %,d MB%n", GROUP, target,
                duration.toMillis() / 1e3, rate, highWater >> 20);
        return new Result(target, duration, rate, highWater, heapBefore);
    }
}
