package dev.kairos.edge.customers;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.privacy.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored events that concern customers: the events of the business (found through the public feed's index of
 * the event store) whose {@code customerId} is one of theirs, with their personal data opened (the erased form once a
 * key is gone).
 */
@Component
class CustomerEvents {
    /** One stored event: its id, type, when it was stored and what it says. */
    record StoredEvent(String eventId, String type, Instant storedAt, JsonNode payload) {
    }

    private final JdbcTemplate jdbc;
    private final PersonalData personalData;
    private final JsonMapper json;

    CustomerEvents(JdbcTemplate jdbc, PersonalData personalData, JsonMapper json) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.json = json;
    }

    List<StoredEvent> concerning(BusinessId business, List<UUID> customerIds, int limit) {
        String[] ids = customerIds.stream().map(UUID::toString).toArray(String[]::new);
        return jdbc.query("SELECT d.event_identifier, d.payload_type, d.time_stamp, d.payload, d.payload_revision "
                        + "FROM edge_event_feed f JOIN domainevententry d ON d.global_index = f.global_index "
                        + "WHERE f.business_id = ? AND convert_from(d.payload, 'UTF8')::jsonb -> 'customerId' ->> 'id' = ANY(?) "
                        + "ORDER BY f.global_index LIMIT ?",
                (rs, i) -> new StoredEvent(rs.getString(1), simpleName(rs.getString(2)), Instant.parse(rs.getString(3)),
                        json.readTree(personalData.openStored(rs.getBytes(4), rs.getString(5)))),
                business.id(), ids, limit);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
