package dev.kairos.edge.audit;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.privacy.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The recorded events of one aggregate, read from the event store as they were stored, their sealed personal data
 * opened (the erased form once the customer's key is gone). Every event of the engine's
 * aggregates names its business, so an aggregate belongs to the business its first event names.
 */
@Component
class EventHistory {
    /** The engine's event-sourced aggregates, by the name the API uses for them and the type Axon stores. */
    enum AggregateType {
        STAFF_CALENDAR("staff-calendar", "StaffCalendar"),
        BUSINESS("business", "Business"),
        SERVICE_OFFERING("service-offering", "ServiceOffering"),
        WAITLIST("waitlist", "Waitlist"),
        CUSTOMER_QUOTA("customer-quota", "CustomerServiceQuota"),
        CUSTOMER("customer", "Customer");

        final String path;
        final String stored;

        AggregateType(String path, String stored) {
            this.path = path;
            this.stored = stored;
        }

        static AggregateType of(String path) {
            return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst()
                    .orElseThrow(() -> new BookingException(ErrorCode.AGGREGATE_NOT_FOUND, "no aggregate type " + path));
        }
    }

    /** Who caused an event and through which chain of messages. */
    record Origin(String who, String ip, String correlationId, String traceId) {
    }

    record RecordedEvent(long sequence, String eventId, String type, Instant timestamp, JsonNode payload, Origin metadata) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PersonalData personalData;

    EventHistory(JdbcTemplate jdbc, JsonMapper json, PersonalData personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    /**
     * Events of the aggregate after sequence {@code after}, oldest first; an aggregate of another business (or of
     * none, for a {@code null} business: platform-wide) is not found.
     */
    List<RecordedEvent> after(AggregateType type, String aggregateId, BusinessId business, long after, int limit) {
        requireOwned(type, aggregateId, business);
        return jdbc.query("""
                        SELECT sequence_number, event_identifier, payload_type, payload_revision, time_stamp,
                               payload, meta_data
                        FROM domainevententry
                        WHERE aggregate_identifier = ? AND type = ? AND sequence_number > ?
                        ORDER BY sequence_number LIMIT ?""",
                (rs, i) -> {
                    byte[] storedMetadata = rs.getBytes("meta_data");
                    JsonNode metadata = storedMetadata == null ? json.createObjectNode()
                            : json.readTree(personalData.open(storedMetadata));
                    return new RecordedEvent(rs.getLong("sequence_number"), rs.getString("event_identifier"),
                            rs.getString("payload_type"), Instant.parse(rs.getString("time_stamp")),
                            json.readTree(personalData.openStored(rs.getBytes("payload"), rs.getString("payload_revision"))),
                            new Origin(text(metadata, "who"), text(metadata, "ip"), text(metadata, "correlationId"),
                                    text(metadata, "traceId")));
                },
                aggregateId, type.stored, after, limit);
    }

    private void requireOwned(AggregateType type, String aggregateId, BusinessId business) {
        Optional<String> owner = jdbc.query("""
                        SELECT convert_from(payload, 'UTF8')::jsonb -> 'businessId' ->> 'id'
                        FROM domainevententry WHERE aggregate_identifier = ? AND type = ?
                        ORDER BY sequence_number LIMIT 1""",
                (rs, i) -> rs.getString(1), aggregateId, type.stored).stream().findFirst();
        if (owner.isEmpty() || (business != null && !business.id().toString().equals(owner.get()))) {
            throw new BookingException(ErrorCode.AGGREGATE_NOT_FOUND, type.path + " not found: " + aggregateId);
        }
    }

    private static String text(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }
}
