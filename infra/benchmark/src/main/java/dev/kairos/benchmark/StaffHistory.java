package dev.kairos.benchmark;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.context.ApplicationContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Every event of one staff calendar, in sequence order, as stored in the event store (snapshots ignored). */
@FunctionalInterface
interface StaffHistory {
    List<Object> events(String aggregateId) throws Exception;

    /** Through the engine's own event store. */
    static StaffHistory of(ApplicationContext engine) {
        EventStore store = engine.getBean(EventStore.class);
        return aggregateId -> store.readEvents(aggregateId, 0).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** Straight from {@code domainevententry}, read the way the engine's Jackson serializer wrote it. */
    static StaffHistory of(Database database) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return aggregateId -> {
            List<Object> events = new ArrayList<>();
            try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT payload_type, payload FROM domainevententry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
                s.setString(1, aggregateId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(json.readValue(rs.getBytes(2), Class.forName(rs.getString(1))));
                    }
                }
            }
            return events;
        };
    }
}
