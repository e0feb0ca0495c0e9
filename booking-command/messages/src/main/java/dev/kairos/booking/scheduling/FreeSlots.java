package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Free slot starts for one staff member and one service.
 *
 * <p>Candidates start at the beginning of each working stretch and step by the service's slot interval. A
 * candidate is offered when the appointment fits inside the stretch, it respects minimum notice and maximum
 * advance, it starts inside the requested range, and the appointment widened by its buffers collides with no
 * busy interval (which already include the buffers of the appointments that block them).
 */
public final class FreeSlots {
    private FreeSlots() {
    }

    public static List<Instant> find(WeeklySchedule schedule, ZoneId staffZone, BusyTimes busy, ServiceTerms terms,
                                     BookingWindow window, Instant rangeStart, Instant rangeEnd) {
        List<Instant> slots = new ArrayList<>();
        if (!rangeEnd.isAfter(rangeStart)) {
            return slots;
        }
        long intervalSeconds = terms.slotInterval().toSeconds();
        for (TimeSlot stretch : WorkingTime.between(schedule, staffZone, rangeStart, rangeEnd)) {
            Instant lastStart = stretch.end().minus(terms.duration());
            Instant start = stretch.start();
            Instant firstUseful = max(max(window.earliest(), rangeStart), start);
            long skip = Math.max(0, Math.floorDiv(firstUseful.getEpochSecond() - start.getEpochSecond(), intervalSeconds) - 1);
            start = start.plusSeconds(skip * intervalSeconds);
            for (; !start.isAfter(lastStart); start = start.plusSeconds(intervalSeconds)) {
                if (!start.isBefore(rangeEnd) || window.tooLate(start)) {
                    break;
                }
                if (start.isBefore(rangeStart) || window.tooSoon(start)) {
                    continue;
                }
                TimeSlot blocked = new TimeSlot(start.minus(terms.bufferBefore()), start.plus(terms.duration()).plus(terms.bufferAfter()));
                if (!busy.collides(blocked)) {
                    slots.add(start);
                }
            }
        }
        return slots;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
