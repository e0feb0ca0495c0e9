package dev.kairos.edge.identity;

import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.access.AuthenticationRecorded;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.IdGenerator;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Records authentication events in the event store ({@link AuthenticationRecorded}); the access-log projection makes
 * them readable for auditors in the same transaction.
 */
@Component
public class AuthEvents {
    private final EventGateway events;
    private final IdGenerator ids;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    AuthEvents(EventGateway events, IdGenerator ids, Clock clock, JdbcTemplate jdbc) {
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public void record(BusinessId business, UUID userId, AuthenticationEventType type, String detail, String ip) {
        record(business, userId, null, type, detail, ip);
    }

    /** {@code type} is one of {@link AuthenticationEventType}'s values, e.g. {@code sso-login}. */
    public void record(BusinessId business, UUID userId, String type, String detail, String ip) {
        AuthenticationEventType known = java.util.Arrays.stream(AuthenticationEventType.values())
                .filter(t -> t.value().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown authentication event type " + type));
        record(business, userId, null, known, detail, ip);
    }

    public void record(BusinessId business, UUID userId, UUID apiKeyId, AuthenticationEventType type, String detail, String ip) {
        String note = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
        events.publish(new AuthenticationRecorded(ids.next(), business, userId, apiKeyId, type.value(), note, ip, clock.instant(),
                customerOf(business, userId)));
    }

    /** The customer a user is in the business when theirs is a customer account; null for staff and the rest. */
    private CustomerId customerOf(BusinessId business, UUID userId) {
        if (business == null || userId == null) {
            return null;
        }
        return jdbc.queryForList("SELECT customer_id FROM membership WHERE user_id = ? AND business_id = ? AND role = ? "
                        + "AND customer_id IS NOT NULL", UUID.class, userId, business.id(), Role.CUSTOMER.name())
                .stream().findFirst().map(CustomerId::new).orElse(null);
    }
}
