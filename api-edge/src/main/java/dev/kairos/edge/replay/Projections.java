package dev.kairos.edge.replay;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.axonframework.config.EventProcessingConfiguration;
import dev.kairos.edge.replay.ProjectionStatus.Segment;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's processing groups, how far each has read the event store, and rebuilding a projection: its processor
 * stops on this node, its tokens go back to the start of the event store in the transaction in which its reset
 * handlers clear its tables, and it starts again and replays every event while the rest of the engine goes on.
 */
@Component
class Projections {
    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReplayProperties properties;
    private final ScheduledExecutorService timers;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock, ReplayProperties properties,
                ScheduledExecutorService engineTimers) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.timers = engineTimers;
    }

    /** Every processing group, by name. */
    List<ProjectionStatus> all() {
        long head = head();
        List<ProjectionStatus> all = new ArrayList<>();
        processing.eventProcessors().values().stream().sorted(Comparator.comparing(EventProcessor::getName))
                .forEach(p -> all.add(status(p, head)));
        return all;
    }

    ProjectionStatus status(String group) {
        return status(processor(group), head());
    }

    /**
     * Starts rebuilding a projection from the start of the event store; answers at once, the replay goes on in the
     * processor's threads. A rebuild asked for while one runs starts over.
     */
    synchronized ProjectionStatus rebuild(String group) {
        EventProcessor processor = processor(group);
        if (!(processor instanceof StreamingEventProcessor streaming) || !properties.projections().contains(group)
                || !streaming.supportsReset()) {
            throw new BookingException(ErrorCode.PROJECTION_NOT_REPLAYABLE, processor instanceof StreamingEventProcessor
                    ? "processing group " + group + " acts on events rather than building a read model; it is not replayed"
                    : "processing group " + group + " handles events in the transaction that stores them and keeps no "
                    + "position in the event store; it cannot be replayed");
        }
        Run previous = runs.remove(group);
        if (previous != null) {
            previous.stopWatching();
        }
        long target = head();
        streaming.shutDown();
        try {
            streaming.resetTokens(StreamableMessageSource::createTailToken);
        } catch (UnableToClaimTokenException e) {
            streaming.start();
            throw new BookingException(ErrorCode.PROJECTION_NOT_REPLAYABLE, "another node of the engine processes a segment of "
                    + group + "; stop that group there (or the node) and ask again");
        } catch (RuntimeException e) {
            // the reset rolled back: the projection goes on from where it was
            streaming.start();
            throw e;
        }
        int segments = segments(group);
        Run run = new Run(clock.instant(), System.nanoTime(), target, segments);
        runs.put(group, run);
        streaming.start();
        log.info("Rebuilding projection {} from the start of the event store ({} events, {} segments)", group, target, segments);
        run.watch(timers.scheduleWithFixedDelay(() -> watch(group, streaming, run), properties.watchInterval().toMillis(),
                properties.watchInterval().toMillis(), TimeUnit.MILLISECONDS));
        return status(streaming, target);
    }

    private void watch(String group, StreamingEventProcessor processor, Run run) {
        try {
            if (run.finished() || runs.get(group) != run) {
                run.stopWatching();
                return;
            }
            Progress progress = Progress.of(processor.processingStatus());
            if (progress.caughtUp(run.segments, run.target)) {
                run.finish(clock.instant(), System.nanoTime());
                run.stopWatching();
                log.info("Projection {} rebuilt: {} events in {} s ({} events/s)", group, run.target,
                        String.format("%.1f", run.seconds(System.nanoTime())), String.format("%.0f", run.eventsPerSecond(run.target, System.nanoTime())));
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the rebuild of {}", group, e);
        }
    }

    private EventProcessor processor(String group) {
        return processing.eventProcessor(group).orElseThrow(() -> new BookingException(ErrorCode.PROJECTION_NOT_FOUND,
                "no processing group " + group));
    }

    private ProjectionStatus status(EventProcessor processor, long head) {
        String group = processor.getName();
        boolean replayable = processor instanceof StreamingEventProcessor s && properties.projections().contains(group) && s.supportsReset();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProjectionStatus(group, mode(processor), false, processor.isRunning(), false, null, head, null, List.of(), null);
        }
        Progress progress = Progress.of(streaming.processingStatus());
        Run run = runs.get(group);
        ProjectionStatus.Rebuild rebuild = null;
        boolean replaying = progress.replaying();
        if (run != null) {
            long now = System.nanoTime();
            long replayed = run.finished() ? run.target : Math.min(progress.position() == null ? 0 : progress.position(), run.target);
            replaying = !run.finished();
            rebuild = new ProjectionStatus.Rebuild(run.startedAt, run.finishedAt(), run.target, replayed,
                    round(run.seconds(now)), Math.round(run.eventsPerSecond(replayed, now)));
        }
        Long behind = progress.position() == null ? null : Math.max(0, head - progress.position());
        return new ProjectionStatus(group, mode(processor), replayable, processor.isRunning(), replaying, progress.position(), head,
                behind, progress.segments(), rebuild);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled-streaming";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        return processor instanceof SubscribingEventProcessor ? "subscribing" : "other";
    }

    /** The global index of the newest event: the position a group has read everything at. */
    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    private int segments(String group) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processor_name = ?", Integer.class, group);
        return n == null ? 0 : n;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** The positions of a group's segments as this node's processor reports them. */
    record Progress(Long position, boolean replaying, List<ProjectionStatus.Segment> segments) {
        static Progress of(Map<Integer, EventTrackerStatus> status) {
            List<ProjectionStatus.Segment> segments = new ArrayList<>();
            Long lowest = null;
            boolean replaying = false;
            boolean unknown = false;
            for (EventTrackerStatus s : status.values()) {
                Long position = s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null;
                segments.add(new ProjectionStatus.Segment(s.getSegment().getSegmentId(), position, s.isReplaying(),
                        s.isErrorState() ? String.valueOf(s.getError()) : null));
                replaying |= s.isReplaying();
                if (position == null) {
                    unknown = true;
                } else if (lowest == null || position < lowest) {
                    lowest = position;
                }
            }
            segments.sort(Comparator.comparingInt(Segment::segment));
            return new Progress(unknown ? null : lowest, replaying, segments);
        }

        /**
         * Every segment is claimed here, without error, at or after the target position. (Axon's replay flag of a
         * segment stays up until the segment handles an event after the target, which may be long in a quiet store.)
         */
        boolean caughtUp(int segmentCount, long target) {
            if (segments.size() < segmentCount || segments.stream().anyMatch(s -> s.error() != null)) {
                return false;
            }
            return target == 0 ? segments.stream().noneMatch(Segment::replaying) : position != null && position >= target;
        }
    }

    /** One rebuild: when it started, up to which position it replays, and when it got there. */
    private static final class Run {
        final Instant startedAt;
        final long startNanos;
        final long target;
        final int segments;
        private volatile Instant finishedAt;
        private volatile long finishNanos;
        private volatile ScheduledFuture<?> watcher;

        Run(Instant startedAt, long startNanos, long target, int segments) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
            this.target = target;
            this.segments = segments;
        }

        void watch(ScheduledFuture<?> watcher) {
            this.watcher = watcher;
        }

        void stopWatching() {
            ScheduledFuture<?> w = watcher;
            if (w != null) {
                w.cancel(false);
            }
        }

        void finish(Instant at, long nanos) {
            finishNanos = nanos;
            finishedAt = at;
        }

        boolean finished() {
            return finishedAt != null;
        }

        Instant finishedAt() {
            return finishedAt;
        }

        double seconds(long now) {
            return ((finished() ? finishNanos : now) - startNanos) / 1e9;
        }

        double eventsPerSecond(long replayed, long now) {
            double seconds = seconds(now);
            return seconds <= 0 ? 0 : replayed / seconds;
        }
    }
}
