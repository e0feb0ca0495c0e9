package dev.kairos.booking.command.calendar;

import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Duration;
import java.time.Instant;

/** A slot kept for a customer until {@code expiresAt}. */
record Hold(ServiceId serviceId, TimeSlot slot, TimeSlot blocked, Instant expiresAt) {
    static final Duration SHORTEST = Duration.ofSeconds(5);
    static final Duration LONGEST = Duration.ofMinutes(60);
    static final String EXPIRY_DEADLINE = "hold-expiry";

    boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The payload of the persistent deadline that ends a hold. */
    record ExpiryDue(HoldId holdId) {
    }
}
