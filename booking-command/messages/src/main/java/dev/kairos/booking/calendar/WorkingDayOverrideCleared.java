package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDate;

public record WorkingDayOverrideCleared(StaffId staffId, BusinessId businessId, LocalDate date, long revision) {
}
