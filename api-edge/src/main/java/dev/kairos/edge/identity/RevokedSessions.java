package dev.kairos.edge.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions revoked while their access tokens may still be unexpired. Each node learns revocations made elsewhere by
 * reading {@code session_revocation} past the last one it knows, at most once every {@link #LOOK_EVERY}; a revocation
 * made on this node counts at once. Entries are forgotten once every token of their session has expired.
 */
@Component
class RevokedSessions {
    static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration keepFor;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private volatile long lastSeq = -1;
    private volatile long lastLookNanos = Long.MIN_VALUE;

    RevokedSessions(JdbcTemplate jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keepFor = properties.accessTokenTtl().plus(properties.clockSkew());
    }

    void add(UUID session) {
        revoked.put(session, clock.instant());
    }

    boolean isRevoked(UUID session) {
        if (lastLookNanos == Long.MIN_VALUE || System.nanoTime() - lastLookNanos > LOOK_EVERY.toNanos()) {
            catchUp();
        }
        return revoked.containsKey(session);
    }

    private synchronized void catchUp() {
        if (lastLookNanos != Long.MIN_VALUE && System.nanoTime() - lastLookNanos <= LOOK_EVERY.toNanos()) {
            return;
        }
        Instant horizon = clock.instant().minus(keepFor);
        long[] max = {lastSeq};
        if (lastSeq < 0) {
            jdbc.query("SELECT seq, session_id, revoked_at FROM session_revocation WHERE revoked_at > ?", rs -> {
                revoked.put(rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant());
                max[0] = Math.max(max[0], rs.getLong(1));
            }, Timestamp.from(horizon));
            Long top = jdbc.queryForObject("SELECT COALESCE(max(seq), 0) FROM session_revocation", Long.class);
            max[0] = Math.max(max[0], top == null ? 0 : top);
        } else {
            jdbc.query("SELECT seq, session_id, revoked_at FROM session_revocation WHERE seq > ?", rs -> {
                revoked.put(rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant());
                max[0] = Math.max(max[0], rs.getLong(1));
            }, lastSeq);
        }
        lastSeq = max[0];
        revoked.values().removeIf(at -> at.isBefore(horizon));
        lastLookNanos = System.nanoTime();
    }
}
