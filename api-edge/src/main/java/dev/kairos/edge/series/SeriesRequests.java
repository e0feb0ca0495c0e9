package dev.kairos.edge.series;

import dev.kairos.edge.booking.BookingRequests;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Zones;
import dev.kairos.booking.series.SeriesMode;
import dev.kairos.booking.series.SeriesScope;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the series API. {@code start} is a wall-clock date-time without offset
 * ({@code 2026-12-07T09:00}) read in {@code timeZone}, an IANA zone (the business's home zone when absent).
 */
final class SeriesRequests {
    static final int MAX_NOTES = 2000;
    static final int MAX_METADATA_ENTRIES = 20;
    static final int MAX_SHIFT_DAYS = 366;

    private SeriesRequests() {
    }

    record CustomerRequest(String name, String email, String phone) {
        CustomerDetails details() {
            return BookingRequests.requireNotErased(new CustomerDetails(name, email, phone));
        }
    }

    record PreviewRequest(UUID staffId, UUID serviceId, String rule, LocalDateTime start, String timeZone) {
        void validate() {
            required(staffId, "staffId");
            required(serviceId, "serviceId");
            required(rule, "rule");
            required(start, "start");
        }

        ZoneId zone() {
            return timeZone == null ? null : Zones.require(timeZone);
        }
    }

    record SeriesRequest(UUID staffId, UUID serviceId, String rule, LocalDateTime start, String timeZone,
                         SeriesMode mode, CustomerRequest customer, String notes, Map<String, String> metadata) {
        void validate() {
            required(staffId, "staffId");
            required(serviceId, "serviceId");
            required(rule, "rule");
            required(start, "start");
            required(mode, "mode");
            required(customer, "customer");
            BookingException.require(notes == null || notes.length() <= MAX_NOTES, ErrorCode.VALIDATION_FAILED,
                    "notes have at most " + MAX_NOTES + " characters");
            if (metadata != null) {
                BookingException.require(metadata.size() <= MAX_METADATA_ENTRIES, ErrorCode.VALIDATION_FAILED,
                        "at most " + MAX_METADATA_ENTRIES + " metadata entries");
                metadata.forEach((k, v) -> BookingException.require(k.length() <= 64 && v != null && v.length() <= 500,
                        ErrorCode.VALIDATION_FAILED, "metadata keys have at most 64 characters, values 1 to 500"));
            }
        }

        ZoneId zone() {
            return timeZone == null ? null : Zones.require(timeZone);
        }
    }

    record CancelRequest(SeriesScope scope, UUID appointmentId, String reason, BookingRequests.OverrideRequest override) {
        void validate() {
            required(scope, "scope");
            BookingException.require(scope == SeriesScope.ALL || appointmentId != null, ErrorCode.VALIDATION_FAILED,
                    "appointmentId names the occurrence for scope " + scope);
            BookingException.require(reason == null || reason.length() <= 500, ErrorCode.VALIDATION_FAILED,
                    "reason has at most 500 characters");
        }
    }

    /** Moves the occurrences in scope to {@code newLocalTime} and/or by {@code shiftDays} days, all or none. */
    record RescheduleRequest(SeriesScope scope, UUID appointmentId, LocalTime newLocalTime, Integer shiftDays,
                             BookingRequests.OverrideRequest override) {
        void validate() {
            required(scope, "scope");
            BookingException.require(scope == SeriesScope.ALL || appointmentId != null, ErrorCode.VALIDATION_FAILED,
                    "appointmentId names the occurrence for scope " + scope);
            BookingException.require(newLocalTime != null || shiftDays != null, ErrorCode.VALIDATION_FAILED,
                    "give newLocalTime, shiftDays or both");
            BookingException.require(shiftDays == null || Math.abs(shiftDays) <= MAX_SHIFT_DAYS, ErrorCode.VALIDATION_FAILED,
                    "shiftDays must be between -" + MAX_SHIFT_DAYS + " and " + MAX_SHIFT_DAYS);
        }
    }

    static void required(Object value, String field) {
        BookingException.require(value != null, ErrorCode.VALIDATION_FAILED, field + " is required");
    }
}
