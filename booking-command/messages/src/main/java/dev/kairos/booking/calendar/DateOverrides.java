package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Working hours that replace the weekly ones on particular dates; an empty list is a day off.
 */
public record DateOverrides(Map<LocalDate, List<WorkingInterval>> days) {
    public static final DateOverrides NONE = new DateOverrides(Map.of());
    public static final int MAX_DATES = 3660;

    public DateOverrides {
        Map<LocalDate, List<WorkingInterval>> copy = new TreeMap<>();
        if (days != null) {
            days.forEach((date, intervals) -> {
                BookingException.require(date != null && intervals != null, ErrorCode.INVALID_WORKING_HOURS,
                        "date and intervals are required");
                copy.put(date, WeeklySchedule.validDay(date, intervals));
            });
        }
        BookingException.require(copy.size() <= MAX_DATES, ErrorCode.INVALID_WORKING_HOURS,
                () -> "at most " + MAX_DATES + " dates with their own hours");
        days = Map.copyOf(copy);
    }

    /** The hours that replace the weekly ones on {@code date}, if any. */
    public Optional<List<WorkingInterval>> on(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public DateOverrides with(LocalDate date, List<WorkingInterval> hours) {
        Map<LocalDate, List<WorkingInterval>> next = new TreeMap<>(days);
        next.put(date, hours);
        return new DateOverrides(next);
    }

    public DateOverrides without(LocalDate date) {
        Map<LocalDate, List<WorkingInterval>> next = new TreeMap<>(days);
        next.remove(date);
        return new DateOverrides(next);
    }
}
