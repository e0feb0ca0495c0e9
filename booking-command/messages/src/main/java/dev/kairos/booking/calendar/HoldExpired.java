package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;

/** A hold ran out without being confirmed; {@code slot} is free again. */
public record HoldExpired(HoldId holdId, BusinessId businessId, StaffId staffId, ServiceId serviceId, TimeSlot slot,
                          Instant expiredAt)
        implements HoldEnded {
}
