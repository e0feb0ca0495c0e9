package dev.kairos.edge.feed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A business's public events in the order of the event store ({@code global_index}), read straight from the store
 * through the feed index ({@code edge_event_feed}, written by a trigger in the storing transaction).
 * <p>
 * Only positions up to the {@link SettledPosition} are served: a transaction still in flight may hold a lower
 * position than one already committed, and a reader that moved past it would never see its events.
 */
@Component
class EventFeed {
    static final int MAX_PAGE = 1000;
    private final JdbcTemplate jdbc;
    private final PublicEvents publicEvents;
    private final SettledPosition settled;

    EventFeed(JdbcTemplate jdbc, PublicEvents publicEvents, SettledPosition settled) {
        this.jdbc = jdbc;
        this.publicEvents = publicEvents;
        this.settled = settled;
    }

    /** A page of public events and the position to ask after next. */
    record Page(List<PublicEvents.Published> events, long next) {
    }

    /** Up to {@code limit} public events of {@code types} (all when empty) after position {@code after}. */
    Page after(UUID businessId, long after, int limit, List<String> sourceTypes) {
        return read(businessId, after, limit, sourceTypes, settled.current());
    }

    /** As {@link #after}, up to a settled position the caller already knows. */
    Page read(UUID businessId, long after, int limit, List<String> sourceTypes, long upTo) {
        if (upTo <= after) {
            return new Page(List.of(), after);
        }
        List<PublicEvents.Stored> stored = jdbc.query("""
                        SELECT e.global_index, e.event_identifier, e.payload_type, e.time_stamp, e.payload
                        FROM edge_event_feed f JOIN domainevententry e ON e.global_index = f.global_index
                        WHERE f.business_id = ? AND f.global_index > ? AND f.global_index <= ? AND f.payload_type = ANY (?)
                        ORDER BY f.global_index
                        LIMIT ?""",
                (rs, i) -> new PublicEvents.Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        businessId, rs.getBytes(5)),
                businessId, after, upTo, sourceTypes.toArray(String[]::new), limit);
        List<PublicEvents.Published> events = new ArrayList<>(stored.size());
        stored.forEach(s -> publicEvents.map(s).ifPresent(events::add));
        long next = stored.isEmpty() ? after : stored.get(stored.size() - 1).position();
        return new Page(events, next);
    }
}
