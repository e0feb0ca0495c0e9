package dev.kairos.edge.config;

import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.BookWithAnyStaff;
import dev.kairos.booking.calendar.RescheduleAppointment;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.Set;
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

    /**
     * Commands that may create a customer's quota on the way: two first bookings of one customer racing on two
     * calendars both create it, and the loser's transaction fails on the stream's first event. Deciding again finds
     * the quota the winner created. (Elsewhere a stream that exists already means the thing exists: no retry.)
     */
    private static final Set<Class<?>> MAY_CREATE_QUOTA = Set.of(BookSlot.class, BookWithAnyStaff.class,
            RescheduleAppointment.class);

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean conflict = isWriteConflict(lastFailure)
                || (MAY_CREATE_QUOTA.contains(commandMessage.getPayloadType()) && isStreamCreationConflict(lastFailure));
        if (!conflict || failures.size() > maxRetries) {
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

    static boolean isStreamCreationConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
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
