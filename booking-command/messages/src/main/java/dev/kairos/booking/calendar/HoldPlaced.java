package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;

/** A slot is held until {@code expiresAt}; {@code blocked} is the staff member's time it keeps, buffers included. */
public record HoldPlaced(HoldId holdId, BusinessId businessId, StaffId staffId, ServiceId serviceId, TimeSlot slot,
                         TimeSlot blocked, Instant placedAt, Instant expiresAt) {
}
