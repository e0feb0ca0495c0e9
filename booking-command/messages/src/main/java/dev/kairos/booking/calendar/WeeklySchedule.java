package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Working hours per weekday, several intervals a day allowed (e.g. 09:00–12:00 and 13:00–17:00). */
public record WeeklySchedule(Map<DayOfWeek, List<WorkingInterval>> days) {
    public static final int MAX_INTERVALS_PER_DAY = 12;

    public WeeklySchedule {
        Map<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
        if (days != null) {
            days.forEach((day, intervals) -> {
                BookingException.require(day != null && intervals != null, ErrorCode.INVALID_WORKING_HOURS,
                        "weekday and intervals are required");
                List<WorkingInterval> sorted = validDay(day, intervals);
                if (!sorted.isEmpty()) {
                    copy.put(day, sorted);
                }
            });
        }
        days = Map.copyOf(copy);
    }

    /** One day's intervals, sorted; rejects more than {@value #MAX_INTERVALS_PER_DAY} or overlapping ones. */
    public static List<WorkingInterval> validDay(Object day, List<WorkingInterval> intervals) {
        BookingException.require(intervals.size() <= MAX_INTERVALS_PER_DAY, ErrorCode.INVALID_WORKING_HOURS,
                () -> "at most " + MAX_INTERVALS_PER_DAY + " intervals per day");
        BookingException.require(intervals.stream().allMatch(java.util.Objects::nonNull), ErrorCode.INVALID_WORKING_HOURS,
                "working intervals must not be null");
        List<WorkingInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(WorkingInterval::from));
        for (int i = 1; i < sorted.size(); i++) {
            BookingException.require(!sorted.get(i - 1).overlaps(sorted.get(i)), ErrorCode.INVALID_WORKING_HOURS,
                    () -> "working intervals on " + day + " overlap");
        }
        return List.copyOf(sorted);
    }

    public List<WorkingInterval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }
}
