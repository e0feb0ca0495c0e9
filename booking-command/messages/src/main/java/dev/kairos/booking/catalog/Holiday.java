package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import dev.kairos.booking.common.TimeSlot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A day or run of days on which the whole business is closed: the local dates {@code from} to {@code to}
 * (inclusive) in the business's home zone. What counts for bookings is {@link #period(ZoneId)}, the instants from
 * the start of {@code from} to the start of the day after {@code to} in that zone.
 */
public record Holiday(HolidayId id, String name, LocalDate from, LocalDate to) {
    public static final int LONGEST_DAYS = 366;
    public static final int NAME_LENGTH = 200;

    public Holiday {
        Objects.requireNonNull(id, "holiday id");
        BookingException.require(name != null && !name.isBlank() && name.length() <= NAME_LENGTH, ErrorCode.VALIDATION_FAILED,
                "a holiday's name has 1 to " + NAME_LENGTH + " characters");
        BookingException.require(from != null && to != null, ErrorCode.VALIDATION_FAILED, "a holiday's dates are required");
        BookingException.require(!to.isBefore(from), ErrorCode.INVALID_TIME_RANGE,
                () -> "holiday ends (" + to + ") before it starts (" + from + ")");
        BookingException.require(ChronoUnit.DAYS.between(from, to) < LONGEST_DAYS, ErrorCode.INVALID_TIME_RANGE,
                () -> "a holiday lasts at most " + LONGEST_DAYS + " days");
        name = name.strip();
    }

    /** The instants the holiday covers in {@code zone}; a day that starts in a daylight-saving gap starts at its end. */
    public TimeSlot period(ZoneId zone) {
        return period(from, to, zone);
    }

    /** The instants of the local dates {@code from} to {@code to} (inclusive) in {@code zone}. */
    public static TimeSlot period(LocalDate from, LocalDate to, ZoneId zone) {
        return new TimeSlot(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
