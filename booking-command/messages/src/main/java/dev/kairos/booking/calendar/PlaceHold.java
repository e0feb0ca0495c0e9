package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the slot of {@code serviceId} starting at {@code start} for {@code holdFor}, blocking it for everyone else
 * until it is confirmed into an appointment, released, or expires by itself.
 */
public record PlaceHold(HoldId holdId, BusinessId businessId, StaffId staffId, ServiceId serviceId, Instant start,
                        Duration holdFor) {
}
