package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDate;
import java.util.List;

/** On {@code date} the staff member works {@code hours} instead of their weekly hours (none: day off). */
public record WorkingDayOverridden(StaffId staffId, BusinessId businessId, LocalDate date, List<WorkingInterval> hours,
                                   long revision) {
}
