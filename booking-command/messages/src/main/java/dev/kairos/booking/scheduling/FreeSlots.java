package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.DateOverrides;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.TimeSlot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Free slot starts for one staff member and one service.
 *
 * <p>Candidates start at the beginning of each day's working interval and step by the service's slot interval,
 * so the offered times never depend on the range asked for. A candidate is offered when it starts inside its
 * interval and inside the requested range, it respects minimum notice and maximum advance, the appointment fits in
 * the working stretch (touching intervals merged, so an appointment may run across midnight into the next day's
 * hours), and the appointment widened by its buffers collides with no busy interval (busy intervals already
 * include the buffers of the appointments that block them). Buffers may lie outside working hours.
 */
public final class FreeSlots {
    private FreeSlots() {
    }

    public static List<Instant> find(WeeklySchedule schedule, ZoneId staffZone, BusyTimes busy, ServiceTerms terms,
                                     BookingWindow window, Instant rangeStart, Instant rangeEnd) {
        return find(schedule, DateOverrides.NONE, staffZone, busy, terms, window, rangeStart, rangeEnd);
    }

    /** As above, with dates whose own hours replace the weekly ones. */
    public static List<Instant> find(WeeklySchedule schedule, DateOverrides overrides, ZoneId staffZone, BusyTimes busy,
                                     ServiceTerms terms, BookingWindow window, Instant rangeStart, Instant rangeEnd) {
        List<Instant> slots = new ArrayList<>();
        if (!rangeEnd.isAfter(rangeStart)) {
            return slots;
        }
        List<TimeSlot> stretches = WorkingTime.between(schedule, overrides, staffZone, rangeStart, rangeEnd.plus(terms.duration()));
        long step = terms.slotInterval().toSeconds();
        Instant from = window.earliest().isAfter(rangeStart) ? window.earliest() : rangeStart;
        for (TimeSlot interval : WorkingTime.intervals(schedule, overrides, staffZone, rangeStart.minus(Duration.ofDays(1)), rangeEnd)) {
            long skip = Math.max(0, Math.floorDiv(from.getEpochSecond() - interval.start().getEpochSecond(), step));
            for (Instant start = interval.start().plusSeconds(skip * step); start.isBefore(interval.end());
                 start = start.plusSeconds(step)) {
                if (!start.isBefore(rangeEnd) || window.tooLate(start)) {
                    break;
                }
                if (start.isBefore(from)) {
                    continue;
                }
                TimeSlot appointment = TimeSlot.of(start, terms.duration());
                if (fits(stretches, appointment) && !busy.collides(appointment.widen(terms.bufferBefore(), terms.bufferAfter()))) {
                    slots.add(start);
                }
            }
        }
        slots.sort(null);
        return deduplicated(slots);
    }

    private static boolean fits(List<TimeSlot> stretches, TimeSlot appointment) {
        for (TimeSlot stretch : stretches) {
            if (stretch.contains(appointment)) {
                return true;
            }
            if (stretch.start().isAfter(appointment.start())) {
                return false;
            }
        }
        return false;
    }

    private static List<Instant> deduplicated(List<Instant> sorted) {
        List<Instant> unique = new ArrayList<>(sorted.size());
        for (Instant s : sorted) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).equals(s)) {
                unique.add(s);
            }
        }
        return unique;
    }
}
