package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDate;
import java.util.List;

/** Gives a staff member other working hours on one date of their zone; no hours make it a day off. */
public record OverrideWorkingDay(StaffId staffId, BusinessId businessId, LocalDate date, List<WorkingInterval> hours,
                                 Long expectedRevision) {
    public OverrideWorkingDay {
        hours = hours == null ? List.of() : WeeklySchedule.validDay(date, hours);
    }
}
