package dev.kairos.edge.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries a command only when it lost a write race: another node appended to the same aggregate first, so the
 * event store's unique (aggregate, sequence) index rejected this one. The retry decides again on fresh state.
 * Business rejections are never retried. Backoff grows with each attempt and is jittered so that racing nodes
 * spread out.
 */
public final class ConflictRetryScheduler implements RetryScheduler {
    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final AtomicLong retries = new AtomicLong();

    ConflictRetryScheduler(ScheduledExecutorService executor, int maxRetries) {
        this.executor = executor;
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isWriteConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        retries.incrementAndGet();
        long ceilingMillis = Math.min(200, 2L << Math.min(failures.size(), 6));
        executor.schedule(commandDispatch, ThreadLocalRandom.current().nextLong(1, ceilingMillis + 1), TimeUnit.MILLISECONDS);
        return true;
    }

    /** How many commands were sent again after losing a write race, since start. */
    public long retries() {
        return retries.get();
    }

    static boolean isWriteConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
