package dev.kairos.edge;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.common.TimeSlot;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the event store says about staff calendars, replayed independently of the aggregate, for the concurrency proofs. */
final class CalendarHistory {
    private CalendarHistory() {
    }

    /** The blocked time of every live appointment at the end of a staff member's calendar stream, by appointment id. */
    static Map<String, TimeSlot> liveBlocked(EventStore eventStore, UUID staffId) {
        Map<String, TimeSlot> live = new TreeMap<>();
        eventStore.readEvents(staffId.toString()).asStream().forEach(message -> {
            Object event = message.getPayload();
            if (event instanceof AppointmentBooked e) {
                live.put(e.appointmentId().toString(), e.blocked());
            } else if (event instanceof AppointmentRescheduled e) {
                live.put(e.appointmentId().toString(), e.blocked());
            } else if (event instanceof AppointmentTransferredIn e) {
                live.put(e.appointmentId().toString(), e.blocked());
            } else if (event instanceof AppointmentTransferredOut e) {
                live.remove(e.appointmentId().toString());
            } else if (event instanceof AppointmentStatusChanged e && !e.newStatus().isLive()) {
                live.remove(e.appointmentId().toString());
            }
        });
        return live;
    }

    static void assertNoOverlap(Collection<TimeSlot> slots) {
        List<TimeSlot> sorted = slots.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i - 1).overlaps(sorted.get(i))).as(sorted.get(i - 1) + " vs " + sorted.get(i)).isFalse();
        }
    }
}
