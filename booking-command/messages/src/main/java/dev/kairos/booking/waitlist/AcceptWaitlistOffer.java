package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

/** The customer takes the slot offered to them: the offer's hold becomes appointment {@code appointmentId}. */
public record AcceptWaitlistOffer(WaitlistEntryId entryId, BusinessId businessId, AppointmentId appointmentId) {
}
