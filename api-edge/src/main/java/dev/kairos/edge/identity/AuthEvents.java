package dev.kairos.edge.identity;

import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.access.AuthenticationRecorded;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.support.IdGenerator;
import org.axonframework.eventhandling.gateway.EventGateway;
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

    AuthEvents(EventGateway events, IdGenerator ids, Clock clock) {
        this.events = events;
        this.ids = ids;
        this.clock = clock;
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
        events.publish(new AuthenticationRecorded(ids.next(), business, userId, apiKeyId, type.value(), note, ip, clock.instant()));
    }
}
