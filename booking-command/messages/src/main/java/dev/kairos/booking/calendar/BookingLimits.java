package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * At most {@code perDay} live appointments on one date and {@code perWeek} in one week (Monday to Sunday), both in
 * the staff member's zone; {@code null} is no limit.
 */
public record BookingLimits(Integer perDay, Integer perWeek) {
    public static final BookingLimits NONE = new BookingLimits(null, null);
    public static final int MAX = 1000;

    public BookingLimits {
        BookingException.require(perDay == null || (perDay >= 1 && perDay <= MAX), ErrorCode.INVALID_LIMIT,
                "perDay must be between 1 and " + MAX);
        BookingException.require(perWeek == null || (perWeek >= 1 && perWeek <= MAX), ErrorCode.INVALID_LIMIT,
                "perWeek must be between 1 and " + MAX);
    }

    public boolean isNone() {
        return perDay == null && perWeek == null;
    }

    /** The Monday that starts the week of {@code date}. */
    public static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
