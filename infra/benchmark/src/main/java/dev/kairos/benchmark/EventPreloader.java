package dev.kairos.benchmark;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows the event store before the load: appends a filler history through the engine's own storage engine, in
 * transactions of {@value #BATCH} events, then waits until the projections have processed all of it.
 */
final class EventPreloader {
    private static final int BATCH = 5_000;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    record Result(long events, Duration appending, Duration catchingUp) {
        double appendRate() {
            return events / seconds(appending);
        }

        /** Events per second the projections achieved, from the first append until they had caught up. */
        double projectionRate() {
            return events / seconds(appending.plus(catchingUp));
        }

        private static double seconds(Duration d) {
            return Math.max(d.toNanos(), 1) / 1e9;
        }
    }

    private final EventStorageEngine storage;
    private final TransactionTemplate transactions;
    private final ProjectionProgress progress;

    EventPreloader(ApplicationContext engine, ProjectionProgress progress) {
        this.storage = engine.getBean(EventStorageEngine.class);
        this.transactions = new TransactionTemplate(engine.getBean(PlatformTransactionManager.class));
        this.progress = progress;
    }

    Result preload(long events) throws Exception {
        FillerHistory history = new FillerHistory(events, SlotPattern.todayUtc());
        long started = System.nanoTime();
        long lastReport = started;
        long appended = 0;
        while (history.hasNext()) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
            while (batch.size() < BATCH && history.hasNext()) {
                batch.add(history.next());
            }
            transactions.executeWithoutResult(status -> storage.appendEvents(batch));
            appended += batch.size();
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                System.out.printf("    appended %,d of %,d events (%.0fs)%n", appended, events, (lastReport - started) / 1e9);
            }
        }
        Duration appending = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("    appended %,d events in %.1fs; waiting for the projections%n", appended, appending.toMillis() / 1e3);
        return new Result(appended, appending, progress.awaitCaughtUp());
    }
}
