package dev.kairos.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the engine's streaming projections are behind the event store, read from their committed tokens in
 * {@code tokenentry}: every segment's token must reach the store's last global index.
 */
final class ProjectionProgress {
    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Database database;

    ProjectionProgress(Database database) {
        this.database = database;
    }

    long head() throws SQLException {
        return database.queryLong("SELECT coalesce(max(global_index), 0) FROM domainevententry");
    }

    /** The lowest position any segment of any processor has committed; -1 if one has none yet. */
    long slowestSegment() throws SQLException {
        long slowest = Long.MAX_VALUE;
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT convert_from(token, 'UTF8') FROM tokenentry")) {
            while (rs.next()) {
                slowest = Math.min(slowest, positionOf(rs.getString(1)));
            }
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }

    /** Waits until every projection has processed all events stored now; prints progress while it waits. */
    Duration awaitCaughtUp() throws SQLException, InterruptedException {
        long target = head();
        long started = System.nanoTime();
        long lastReport = started;
        long position;
        while ((position = slowestSegment()) < target) {
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                System.out.printf("    projections at %,d of %,d events (%.0fs)%n", Math.max(position, 0), target,
                        (lastReport - started) / 1e9);
            }
            Thread.sleep(POLL.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A segment's position: the smallest index in its token (a replay or merge token nests several). */
    private static long positionOf(String token) {
        if (token == null) {
            return -1;
        }
        long position = Long.MAX_VALUE;
        Matcher m = INDEX.matcher(token);
        while (m.find()) {
            position = Math.min(position, Long.parseLong(m.group(1)));
        }
        return position == Long.MAX_VALUE ? -1 : position;
    }
}
