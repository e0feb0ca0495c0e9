package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * At most {@code max} live or finished (not cancelled) appointments of one service per customer in one
 * {@code period}: a calendar day, a week (Monday to Sunday) or a calendar month, in the business's home zone.
 */
public record CustomerLimit(int max, Period period) {
    public static final int MAX = 1000;

    public enum Period {
        DAY, WEEK, MONTH;

        /** The period named {@code value} (case-insensitive: day, week, month); an unknown name is invalid-limit. */
        public static Period parse(String value) {
            BookingException.require(value != null, ErrorCode.INVALID_LIMIT, "customerLimit.period is required: day, week or month");
            for (Period p : values()) {
                if (p.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new BookingException(ErrorCode.INVALID_LIMIT, "customerLimit.period must be day, week or month, got " + value);
        }
    }

    public CustomerLimit {
        BookingException.require(max >= 1 && max <= MAX, ErrorCode.INVALID_LIMIT,
                "customerLimit.max must be between 1 and " + MAX);
        BookingException.require(period != null, ErrorCode.INVALID_LIMIT, "customerLimit.period is required: day, week or month");
    }

    /** The first date of the period that holds {@code start}, on the wall clock of {@code zone}. */
    public LocalDate periodOf(Instant start, ZoneId zone) {
        LocalDate date = start.atZone(zone).toLocalDate();
        return switch (period) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }
}
