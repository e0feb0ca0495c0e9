package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeOffId;
import dev.kairos.booking.common.TimeSlot;

public record TimeBlocked(StaffId staffId, BusinessId businessId, TimeOffId timeOffId, TimeSlot period, String reason) {
}
