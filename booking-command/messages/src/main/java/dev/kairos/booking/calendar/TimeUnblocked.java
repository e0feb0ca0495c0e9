package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeOffId;

public record TimeUnblocked(StaffId staffId, BusinessId businessId, TimeOffId timeOffId) {
}
