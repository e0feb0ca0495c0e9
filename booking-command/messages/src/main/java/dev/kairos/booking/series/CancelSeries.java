package dev.kairos.booking.series;

import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

/**
 * Cancels the occurrences of a series in {@code scope}; {@code appointmentId} names the occurrence for ONE and
 * THIS_AND_FOLLOWING. A business decision: occurrences inside the service's closed cancellation window need
 * {@code policyOverride}.
 */
public record CancelSeries(SeriesId seriesId, BusinessId businessId, SeriesScope scope, AppointmentId appointmentId,
                           String reason, PolicyOverride policyOverride) {
    public CancelSeries(SeriesId seriesId, BusinessId businessId, SeriesScope scope, AppointmentId appointmentId, String reason) {
        this(seriesId, businessId, scope, appointmentId, reason, null);
    }
}
