package dev.kairos.booking.quota;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;

import java.time.Instant;

/** A booking of the service by the customer now counts against their limit, in the period of {@code start}. */
public record QuotaPlaceTaken(String quotaId, BusinessId businessId, ServiceId serviceId, CustomerId customerId,
                              AppointmentId appointmentId, Instant start) {
}
