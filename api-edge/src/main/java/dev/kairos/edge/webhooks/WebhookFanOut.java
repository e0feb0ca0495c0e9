package dev.kairos.edge.webhooks;

import dev.kairos.edge.feed.PublicEvents;
import dev.kairos.edge.support.IdGenerator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Turns each public event into one delivery per enabled subscription of its business that asked for its type. It
 * runs in the {@value #PROCESSING_GROUP} pooled streaming group, so the deliveries are written in the transaction
 * that moves the group's token: after a crash the event is handled again from the last committed token, and the
 * deliveries of an event are either all there or not at all. The CloudEvent is made by {@link PublicEvents} from
 * the stored event, exactly as the feed serves it, and kept with the delivery as the body to send.
 */
@Component
@ProcessingGroup(WebhookFanOut.PROCESSING_GROUP)
class WebhookFanOut {
    static final String PROCESSING_GROUP = "webhooks";

    private final JdbcTemplate jdbc;
    private final PublicEvents publicEvents;
    private final IdGenerator ids;
    private final Clock clock;

    WebhookFanOut(JdbcTemplate jdbc, PublicEvents publicEvents, IdGenerator ids, Clock clock) {
        this.jdbc = jdbc;
        this.publicEvents = publicEvents;
        this.ids = ids;
        this.clock = clock;
    }

    private record Target(UUID subscriptionId, List<String> eventTypes, long fromPosition) {
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!PublicEvents.isPublic(message.getPayloadType().getName())) {
            return;
        }
        List<PublicEvents.Stored> stored = jdbc.query("""
                        SELECT global_index, event_identifier, payload_type, time_stamp, payload,
                               convert_from(payload, 'UTF8')::jsonb -> 'businessId' ->> 'id' AS business
                        FROM domainevententry WHERE event_identifier = ?""",
                (rs, i) -> new PublicEvents.Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(6) == null ? null : UUID.fromString(rs.getString(6)), rs.getBytes(5)),
                message.getIdentifier());
        if (stored.isEmpty() || stored.get(0).businessId() == null) {
            return;
        }
        PublicEvents.Stored event = stored.get(0);
        List<Target> targets = jdbc.query("SELECT subscription_id, event_types, from_position FROM webhook_subscription "
                        + "WHERE business_id = ? AND state = ? AND from_position < ?",
                (rs, i) -> new Target(rs.getObject(1, UUID.class), List.of(rs.getString(2).split(" ")), rs.getLong(3)),
                event.businessId(), Subscriptions.ENABLED, event.position());
        if (targets.isEmpty()) {
            return;
        }
        publicEvents.map(event).ifPresent(published -> {
            Timestamp now = Timestamp.from(clock.instant());
            String body = published.cloudEvent().toString();
            for (Target target : targets) {
                if (target.eventTypes().contains(published.type().type())) {
                    jdbc.update("INSERT INTO webhook_delivery (delivery_id, subscription_id, business_id, event_id, event_type, position, "
                                    + "payload, state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    + "ON CONFLICT (subscription_id, event_id) DO NOTHING",
                            ids.next(), target.subscriptionId(), event.businessId(), event.eventId(), published.type().type(),
                            event.position(), body, Deliveries.PENDING, now, now);
                }
            }
        });
    }
}
