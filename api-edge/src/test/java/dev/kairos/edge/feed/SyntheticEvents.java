package dev.kairos.edge.feed;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Made-up public events (appointment confirmations) of several businesses, written in one statement the way the store
 * writes them, so the feed index trigger runs. Ids derive from {@code label}, so two preloads with different labels
 * never collide.
 */
final class SyntheticEvents {
    private SyntheticEvents() {
    }

    /** The businesses the events are spread over, round robin. */
    static List<UUID> businesses(String label, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> UUID.nameUUIDFromBytes((label + " business " + i).getBytes(StandardCharsets.UTF_8))).toList();
    }

    /** Stores {@code events} confirmations spread over {@code businesses}; answers the number stored. */
    static int store(JdbcTemplate jdbc, String label, List<UUID> businesses, int events) {
        UUID[] ids = businesses.toArray(UUID[]::new);
        return jdbc.update("""
                INSERT INTO domainevententry (event_identifier, meta_data, payload, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                SELECT md5(? || ' event ' || n)::uuid::text, convert_to('{}', 'UTF8'),
                       convert_to('{"appointmentId":{"id":"' || md5(? || ' appointment ' || n)::uuid || '"},"businessId":{"id":"'
                                  || (?::uuid[])[1 + n % ?] || '"},"staffId":{"id":"' || md5('staff ' || n % 7)::uuid
                                  || '"},"revision":2}', 'UTF8'),
                       'dev.kairos.booking.calendar.AppointmentConfirmed', '2026-12-01T08:00:00Z',
                       md5('staff ' || n % 7 || (?::uuid[])[1 + n % ?])::uuid::text, n, 'StaffCalendar'
                FROM generate_series(1, ?) AS n""",
                label, label, ids, ids.length, ids, ids.length, events);
    }
}
