package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;

/** The customer took the offer; their place in line ends with appointment {@code appointmentId}. */
public record WaitlistOfferAccepted(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId, HoldId holdId,
                                    AppointmentId appointmentId) {
}
