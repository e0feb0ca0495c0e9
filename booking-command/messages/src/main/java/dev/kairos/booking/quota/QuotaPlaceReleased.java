package dev.kairos.booking.quota;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;

/** A counted booking was cancelled: its place is free again. */
public record QuotaPlaceReleased(String quotaId, BusinessId businessId, ServiceId serviceId, CustomerId customerId,
                              AppointmentId appointmentId) {
}
