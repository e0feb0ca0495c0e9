package dev.kairos.booking.quota;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;

import java.time.Instant;

/** A counted booking moved to {@code start} (rescheduled or transferred), possibly into another period. */
public record QuotaPlaceMoved(String quotaId, BusinessId businessId, ServiceId serviceId, CustomerId customerId,
                              AppointmentId appointmentId, Instant start) {
}
