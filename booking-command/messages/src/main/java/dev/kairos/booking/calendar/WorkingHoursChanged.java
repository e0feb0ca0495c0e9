package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

public record WorkingHoursChanged(StaffId staffId, BusinessId businessId, WeeklySchedule schedule, long revision) {
}
