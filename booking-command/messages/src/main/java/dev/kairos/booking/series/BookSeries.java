package dev.kairos.booking.series;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * Books a series of appointments with one staff member: {@code rule} (an RFC 5545 RRULE) expanded from the
 * wall-clock {@code firstStart} in {@code zone} (the business's home zone when null).
 */
public record BookSeries(SeriesId seriesId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                         CustomerId customerId, CustomerDetails customer, String rule, LocalDateTime firstStart,
                         ZoneId zone, SeriesMode mode, String notes, Map<String, String> metadata) {
    public BookSeries {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public BookSeries withFirstStart(LocalDateTime start) {
        return new BookSeries(seriesId, businessId, staffId, serviceId, customerId, customer, rule, start, zone, mode,
                notes, metadata);
    }
}
