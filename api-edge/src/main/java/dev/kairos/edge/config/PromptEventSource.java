package dev.kairos.edge.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event store as the source of the pooled projections, with streams that offer an availability callback. A
 * pooled processor whose stream offers none looks for new events only every 500 ms once it is idle, so a query
 * waiting for its own write would wait that long. Here each open stream prompts its processor to look again
 * within {@code tick} of this node committing events, and every {@code idlePrompt} otherwise (for events other
 * nodes commit, which the event store fetches on its own schedule).
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final EventStore eventStore;
    private final ScheduledExecutorService ticker;
    private final Duration tick;
    private final long idlePromptNanos;
    private static final long AFTER_COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private final AtomicLong localCommits = new AtomicLong();

    PromptEventSource(EventStore eventStore, ScheduledExecutorService ticker, Duration tick, Duration idlePrompt) {
        this.eventStore = eventStore;
        this.ticker = ticker;
        this.tick = tick;
        this.idlePromptNanos = idlePrompt.toNanos();
        eventStore.subscribe(events -> CurrentUnitOfWork.ifStarted(
                unitOfWork -> unitOfWork.afterCommit(committed -> localCommits.incrementAndGet())));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private ScheduledFuture<?> prompting;

        PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (prompting != null) {
                prompting.cancel(false);
            }
            long micros = tick.toNanos() / 1_000;
            // {commits seen, when they last changed, last prompt}
            long[] seen = {localCommits.get(), 0, System.nanoTime()};
            prompting = ticker.scheduleWithFixedDelay(() -> {
                long commits = localCommits.get();
                long now = System.nanoTime();
                if (commits != seen[0]) {
                    seen[0] = commits;
                    seen[1] = now;
                }
                // the store may hand out a commit's events a moment after it: keep prompting for a while after one
                if (now - seen[1] < AFTER_COMMIT_NANOS || now - seen[2] >= idlePromptNanos) {
                    seen[2] = now;
                    callback.run();
                }
            }, micros, micros, TimeUnit.MICROSECONDS);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public synchronized void close() {
            if (prompting != null) {
                prompting.cancel(false);
            }
            delegate.close();
        }
    }
}
