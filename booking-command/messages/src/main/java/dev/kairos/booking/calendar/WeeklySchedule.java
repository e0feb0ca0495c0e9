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
                BookingException.require(intervals.size() <= MAX_INTERVALS_PER_DAY, ErrorCode.INVALID_WORKING_HOURS,
                        () -> "at most " + MAX_INTERVALS_PER_DAY + " intervals per day");
                List<WorkingInterval> sorted = new ArrayList<>(intervals);
                sorted.sort(Comparator.comparing(WorkingInterval::from));
                for (int i = 1; i < sorted.size(); i++) {
                    BookingException.require(!sorted.get(i - 1).overlaps(sorted.get(i)), ErrorCode.INVALID_WORKING_HOURS,
                            () -> "working intervals on " + day + " overlap");
                }
                if (!sorted.isEmpty()) {
                    copy.put(day, List.copyOf(sorted));
                }
            });
        }
        days = Map.copyOf(copy);
    }

    public List<WorkingInterval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }
}
