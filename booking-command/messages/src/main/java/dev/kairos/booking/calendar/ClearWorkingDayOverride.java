package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDate;

/** Returns a date to the staff member's weekly hours. */
public record ClearWorkingDayOverride(StaffId staffId, BusinessId businessId, LocalDate date, Long expectedRevision) {
}
