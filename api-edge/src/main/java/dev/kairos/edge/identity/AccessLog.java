package dev.kairos.edge.identity;

import dev.kairos.booking.access.AuthenticationRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Authentication events as auditors read them: per business, oldest first, paged by position. */
@Component
@ProcessingGroup(AccessLog.GROUP)
public class AccessLog {
    public static final String GROUP = "access-log";

    public record Entry(long position, UUID id, UUID businessId, UUID userId, UUID apiKeyId, String type, String detail,
                        String ip, Instant at) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
            rs.getObject("business_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("api_key_id", UUID.class),
            rs.getString("type"), rs.getString("detail"), rs.getString("ip"), rs.getTimestamp("occurred_at").toInstant());

    private final JdbcTemplate jdbc;

    AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuthenticationRecorded event) {
        jdbc.update("INSERT INTO auth_event_view (event_id, business_id, user_id, api_key_id, type, detail, ip, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING", event.eventId(),
                event.business() == null ? null : event.business().id(), event.user(), event.apiKey(), event.type(),
                event.detail(), event.ip(), Timestamp.from(event.at()));
    }

    /** The events of {@code users} in {@code businessId}, oldest first, at most {@code limit}. */
    public List<Entry> ofUsers(UUID businessId, List<UUID> users, int limit) {
        return jdbc.query("SELECT * FROM auth_event_view WHERE business_id = ? AND user_id = ANY(?) ORDER BY seq LIMIT ?",
                ENTRY, businessId, users.toArray(UUID[]::new), limit);
    }

    /** Events of {@code businessId} ({@code null}: of no business) after {@code position}, at most {@code limit}. */
    public List<Entry> after(UUID businessId, long position, int limit) {
        return jdbc.query("SELECT * FROM auth_event_view WHERE business_id " + (businessId == null ? "IS NULL" : "= ?")
                        + " AND seq > ? ORDER BY seq LIMIT ?",
                ENTRY, businessId == null ? new Object[]{position, limit} : new Object[]{businessId, position, limit});
    }
}
