package dev.kairos.edge.customers;

import dev.kairos.booking.common.BusinessId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored events that concern customers: the events of the business (found through the public feed's index of
 * the event store) whose {@code customerId} is one of theirs.
 */
@Component
class CustomerEvents {
    /** One stored event: its id, type and when it was stored. */
    record EventRef(String eventId, String type, Instant storedAt) {
    }

    private final JdbcTemplate jdbc;

    CustomerEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<EventRef> concerning(BusinessId business, List<UUID> customerIds, int limit) {
        String[] ids = customerIds.stream().map(UUID::toString).toArray(String[]::new);
        return jdbc.query("SELECT d.event_identifier, d.payload_type, d.time_stamp FROM edge_event_feed f "
                        + "JOIN domainevententry d ON d.global_index = f.global_index WHERE f.business_id = ? "
                        + "AND convert_from(d.payload, 'UTF8')::jsonb -> 'customerId' ->> 'id' = ANY(?) "
                        + "ORDER BY f.global_index LIMIT ?",
                (rs, i) -> new EventRef(rs.getString(1), simpleName(rs.getString(2)), Instant.parse(rs.getString(3))),
                business.id(), ids, limit);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
