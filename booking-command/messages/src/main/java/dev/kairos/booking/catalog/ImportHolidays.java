package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

import java.util.List;

/** Adds several holidays at once (e.g. read from an iCalendar file): all of them or none; known ones are kept. */
public record ImportHolidays(BusinessId businessId, List<Holiday> holidays) {
    public ImportHolidays {
        holidays = List.copyOf(holidays);
    }
}
