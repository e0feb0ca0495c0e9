package dev.kairos.edge.feed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The highest position of the event store below which no event can still appear. Positions come from a sequence
 * taken before commit, so a transaction in flight may hold a position below one already committed; a gap is waited
 * for until it is filled, or until every transaction that may still fill it has ended (it then belongs to a
 * transaction that rolled back). Those are found by transaction ids: once a gap has been seen for {@code gapGrace},
 * whoever took its position has a transaction id below the next one PostgreSQL will assign, and when the oldest
 * transaction still running is past that id, the gap stays a gap.
 */
@Component
class SettledPosition {
    private static final int SCAN = 10_000;
    private final JdbcTemplate jdbc;
    private final long gapGraceNanos;
    private long settled = -1;
    private long gap = -1;
    private long gapSeenAt;
    private long gapXidBound = -1;

    SettledPosition(JdbcTemplate jdbc, FeedProperties properties) {
        this.jdbc = jdbc;
        this.gapGraceNanos = properties.gapGrace().toNanos();
    }

    /** Moves past every event now stored without gap below it, and answers the position reached. */
    synchronized long current() {
        if (settled < 0) {
            // events stored before this node started cannot be in flight any longer, save the last few
            Long max = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domainevententry", Long.class);
            settled = Math.max(0, max - SCAN);
        }
        while (true) {
            List<Long> positions = jdbc.queryForList(
                    "SELECT global_index FROM domainevententry WHERE global_index > ? ORDER BY global_index LIMIT " + SCAN,
                    Long.class, settled);
            for (long position : positions) {
                if (position != settled + 1 && !abandoned(settled + 1)) {
                    return settled;
                }
                settled = position;
                gap = -1;
            }
            if (positions.size() < SCAN) {
                return settled;
            }
        }
    }

    /** Whether the missing {@code position} can no longer be written. */
    private boolean abandoned(long position) {
        long now = System.nanoTime();
        if (gap != position) {
            gap = position;
            gapSeenAt = now;
            gapXidBound = -1;
            return false;
        }
        if (now - gapSeenAt < gapGraceNanos) {
            return false;
        }
        if (gapXidBound < 0) {
            gapXidBound = jdbc.queryForObject("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
            return false;
        }
        Long oldestRunning = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);
        return oldestRunning >= gapXidBound;
    }
}
