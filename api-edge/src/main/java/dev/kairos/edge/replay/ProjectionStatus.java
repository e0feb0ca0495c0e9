package dev.kairos.edge.replay;

import java.time.Instant;
import java.util.List;

/**
 * How far a processing group has read the event store.
 *
 * @param mode       {@code pooled-streaming}, {@code tracking} or {@code subscribing} (handles events in the
 *                   transaction that stores them, so it has no position)
 * @param replayable whether {@code POST …/rebuild} may replay it
 * @param running    whether its processor runs on this node
 * @param replaying  whether a rebuild (or a replay) is still on its way to the position the event store had when it began
 * @param position   the lowest position its segments have reached on this node ({@code null} while a segment has none)
 * @param head       the global index of the newest stored event
 * @param behind     {@code head - position}
 * @param segments   the segments this node processes
 * @param rebuild    the last rebuild started on this node, if any
 */
record ProjectionStatus(String group, String mode, boolean replayable, boolean running, boolean replaying, Long position, long head,
                        Long behind, List<Segment> segments, Rebuild rebuild) {

    record Segment(int segment, Long position, boolean replaying, String error) {
    }

    /**
     * @param target          the head of the event store when the rebuild began: the rebuild is done once every segment is there
     * @param replayed        events replayed so far (positions up to the target)
     * @param seconds         from the start to the end of the rebuild, or until now while it runs
     * @param eventsPerSecond {@code replayed / seconds}
     */
    record Rebuild(Instant startedAt, Instant finishedAt, long target, long replayed, double seconds, long eventsPerSecond) {
    }
}
