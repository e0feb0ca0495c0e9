package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

/** A hold was given back before it expired; {@code slot} is free again. */
public record HoldReleased(HoldId holdId, BusinessId businessId, StaffId staffId, ServiceId serviceId, TimeSlot slot) implements HoldEnded {
}
