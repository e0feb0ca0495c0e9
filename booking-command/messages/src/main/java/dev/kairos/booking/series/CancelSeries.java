package dev.kairos.booking.series;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

/** Cancels the occurrences of a series in {@code scope}; {@code appointmentId} names the occurrence for ONE and THIS_AND_FOLLOWING. */
public record CancelSeries(SeriesId seriesId, BusinessId businessId, SeriesScope scope, AppointmentId appointmentId,
                           String reason) {
}
