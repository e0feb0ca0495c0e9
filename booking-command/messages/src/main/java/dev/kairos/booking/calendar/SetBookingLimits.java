package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

public record SetBookingLimits(StaffId staffId, BusinessId businessId, BookingLimits limits, Long expectedRevision) {
}
