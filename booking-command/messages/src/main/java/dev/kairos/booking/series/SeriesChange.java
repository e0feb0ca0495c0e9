package dev.kairos.booking.series;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.CommandOutcome;

import java.util.List;

/** What cancelling or rescheduling a series answers: the calendar's outcome and the appointments that changed. */
public record SeriesChange(CommandOutcome outcome, List<AppointmentId> appointmentIds) {
    public SeriesChange {
        appointmentIds = List.copyOf(appointmentIds);
    }
}
