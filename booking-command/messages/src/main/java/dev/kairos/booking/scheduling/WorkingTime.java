package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.DateOverrides;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns wall-clock working hours into real intervals on the time line.
 *
 * <p>Each interval is resolved on its own local date in the staff member's zone and covers exactly the instants
 * whose local time that day lies inside it. A bound that falls into a spring-forward gap therefore resolves to the
 * moment the gap ends (02:15–02:45 in a 02:00–03:00 gap is no time at all; 02:45–03:15 is the real 03:00–03:15);
 * an ambiguous bound in a fall-back overlap takes the earlier offset. An interval lasts as long as it really lasts
 * that day: 01:00–03:00 on a spring-forward night in New York is one hour, on a fall-back night three.
 */
public final class WorkingTime {
    private WorkingTime() {
    }

    /** Each day's working intervals that overlap {@code [from, to)}, as instants, sorted by start, not merged. */
    public static List<TimeSlot> intervals(WeeklySchedule schedule, ZoneId zone, Instant from, Instant to) {
        return intervals(schedule, DateOverrides.NONE, zone, from, to);
    }

    /** As {@link #intervals(WeeklySchedule, ZoneId, Instant, Instant)}, a date's override replacing its weekday. */
    public static List<TimeSlot> intervals(WeeklySchedule schedule, DateOverrides overrides, ZoneId zone, Instant from,
                                           Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        ZoneRules rules = zone.getRules();
        List<TimeSlot> intervals = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<WorkingInterval> hours = overrides.on(day).orElse(null);
            for (WorkingInterval interval : hours != null ? hours : schedule.on(day.getDayOfWeek())) {
                Instant start = instant(rules, day.atTime(interval.from()));
                Instant end = instant(rules, interval.endsAtMidnight()
                        ? day.plusDays(1).atTime(LocalTime.MIDNIGHT) : day.atTime(interval.to()));
                if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
                    intervals.add(new TimeSlot(start, end));
                }
            }
        }
        intervals.sort(null);
        return intervals;
    }

    /**
     * Working stretches that overlap {@code [from, to)}, sorted; touching intervals are merged (work that continues
     * across midnight, 22:00–00:00 then 00:00–02:00, is one stretch). Stretches are not cut at the range itself;
     * work is looked at from two days before the range to two days after it, which is enough for any appointment
     * (at most 24 hours) that starts or ends inside the range.
     */
    public static List<TimeSlot> between(WeeklySchedule schedule, ZoneId zone, Instant from, Instant to) {
        return between(schedule, DateOverrides.NONE, zone, from, to);
    }

    public static List<TimeSlot> between(WeeklySchedule schedule, DateOverrides overrides, ZoneId zone, Instant from,
                                         Instant to) {
        List<TimeSlot> merged = new ArrayList<>();
        for (TimeSlot interval : intervals(schedule, overrides, zone, from.minus(java.time.Duration.ofDays(2)),
                to.plus(java.time.Duration.ofDays(2)))) {
            append(merged, interval);
        }
        merged.removeIf(stretch -> !stretch.end().isAfter(from) || !stretch.start().isBefore(to));
        return merged;
    }

    /** Whether {@code slot} lies entirely inside one working stretch. */
    public static boolean covers(WeeklySchedule schedule, ZoneId zone, TimeSlot slot) {
        return covers(schedule, DateOverrides.NONE, zone, slot);
    }

    public static boolean covers(WeeklySchedule schedule, DateOverrides overrides, ZoneId zone, TimeSlot slot) {
        for (TimeSlot stretch : between(schedule, overrides, zone, slot.start(), slot.end())) {
            if (stretch.contains(slot)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant a wall-clock time stands for in {@code zone}, by the same rule as working hours: a time inside a
     * spring-forward gap resolves to the moment the gap ends, an ambiguous time in a fall-back overlap to the
     * earlier offset.
     */
    public static Instant instantOf(ZoneId zone, LocalDateTime local) {
        return instant(zone.getRules(), local);
    }

    /** The first instant whose local time is at or after {@code local}. */
    private static Instant instant(ZoneRules rules, LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    private static void append(List<TimeSlot> stretches, TimeSlot next) {
        if (!stretches.isEmpty()) {
            TimeSlot last = stretches.get(stretches.size() - 1);
            if (!next.start().isAfter(last.end())) {
                if (next.end().isAfter(last.end())) {
                    stretches.set(stretches.size() - 1, new TimeSlot(last.start(), next.end()));
                }
                return;
            }
        }
        stretches.add(next);
    }
}
