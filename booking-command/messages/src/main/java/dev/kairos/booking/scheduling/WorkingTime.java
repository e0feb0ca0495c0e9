package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns wall-clock working hours into real intervals on the time line.
 *
 * <p>Each interval is resolved on its own local date in the staff member's zone. A wall-clock time that does not
 * exist (spring-forward gap) moves forward by the length of the gap; an ambiguous one (fall-back overlap) takes the
 * earlier offset. An interval therefore lasts as long as it really lasts that day: 01:00–03:00 on a
 * spring-forward night in New York is one hour, on a fall-back night three. Touching intervals are merged, so work
 * that continues across midnight (22:00–00:00 then 00:00–02:00) is one stretch.
 */
public final class WorkingTime {
    private WorkingTime() {
    }

    /** Working stretches that overlap {@code [from, to)}, sorted and merged. */
    public static List<TimeSlot> between(WeeklySchedule schedule, ZoneId zone, Instant from, Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        List<TimeSlot> stretches = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (WorkingInterval interval : schedule.on(day.getDayOfWeek())) {
                Instant start = ZonedDateTime.of(day, interval.from(), zone).toInstant();
                Instant end = interval.endsAtMidnight()
                        ? ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant()
                        : ZonedDateTime.of(day, interval.to(), zone).toInstant();
                if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
                    append(stretches, start, end);
                }
            }
        }
        return stretches;
    }

    /** Whether {@code slot} lies entirely inside one working stretch. */
    public static boolean covers(WeeklySchedule schedule, ZoneId zone, TimeSlot slot) {
        for (TimeSlot stretch : between(schedule, zone, slot.start(), slot.end())) {
            if (stretch.contains(slot)) {
                return true;
            }
        }
        return false;
    }

    private static void append(List<TimeSlot> stretches, Instant start, Instant end) {
        if (!stretches.isEmpty()) {
            TimeSlot lastStretch = stretches.get(stretches.size() - 1);
            if (!start.isAfter(lastStretch.end())) {
                Instant mergedEnd = end.isAfter(lastStretch.end()) ? end : lastStretch.end();
                stretches.set(stretches.size() - 1, new TimeSlot(lastStretch.start(), mergedEnd));
                return;
            }
        }
        stretches.add(new TimeSlot(start, end));
    }
}
