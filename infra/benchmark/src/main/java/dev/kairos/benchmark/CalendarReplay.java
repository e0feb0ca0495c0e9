package dev.kairos.benchmark;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.TimeSlot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds one staff calendar's events into its live appointments (scheduled or confirmed), independently of the
 * engine's aggregate, and notes every event that made two live appointments' blocked times overlap.
 */
final class CalendarReplay {
    private final Map<AppointmentId, TimeSlot> live = new HashMap<>();
    private final List<String> overlaps = new ArrayList<>();

    void apply(Object event) {
        if (event instanceof AppointmentBooked e) {
            occupy(e.appointmentId(), e.blocked());
        } else if (event instanceof AppointmentRescheduled e) {
            occupy(e.appointmentId(), e.blocked());
        } else if (event instanceof AppointmentTransferredIn e && e.status().isLive()) {
            occupy(e.appointmentId(), e.blocked());
        } else if (event instanceof AppointmentTransferredOut e) {
            live.remove(e.appointmentId());
        } else if (event instanceof AppointmentStatusChanged e && !e.newStatus().isLive()) {
            live.remove(e.appointmentId());
        }
    }

    int liveCount() {
        return live.size();
    }

    List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    private void occupy(AppointmentId id, TimeSlot blocked) {
        live.remove(id);
        live.forEach((other, slot) -> {
            if (slot.overlaps(blocked)) {
                overlaps.add(id + " " + blocked.start() + "–" + blocked.end() + " overlaps " + other + " " + slot.start() + "–" + slot.end());
            }
        });
        live.put(id, blocked);
    }
}
