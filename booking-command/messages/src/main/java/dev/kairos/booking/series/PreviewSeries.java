package dev.kairos.booking.series;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Asks the staff member's calendar which occurrences of a series could be booked now, and why the others could
 * not. A dry run: it is decided from the calendar's current state and applies no event.
 */
public record PreviewSeries(BusinessId businessId, StaffId staffId, ServiceId serviceId, String rule,
                           LocalDateTime firstStart, ZoneId zone) {
}
