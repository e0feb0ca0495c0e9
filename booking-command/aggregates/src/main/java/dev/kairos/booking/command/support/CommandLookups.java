package dev.kairos.booking.command.support;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.series.SeriesId;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Facts a command handler needs from outside the aggregate it addresses. Kept consistent with the event store:
 * they are written in the same transaction as the events they follow.
 */
public interface CommandLookups {
    String PROCESSING_GROUP = "command-lookups";

    Optional<Boolean> businessActive(BusinessId businessId);

    /** The business's home time zone: the wall clock of its holidays, series and customer limits. */
    Optional<ZoneId> businessZone(BusinessId businessId);

    Optional<ServiceRecord> service(ServiceId serviceId);

    Optional<AppointmentRecord> appointment(AppointmentId appointmentId);

    /** Which calendar holds a series. */
    Optional<SeriesRecord> series(SeriesId seriesId);

    /** What booking needs to know, which an implementation may fetch at once. */
    default BookingFacts bookingFacts(BusinessId businessId, ServiceId serviceId, AppointmentId appointmentId) {
        return new BookingFacts(businessActive(businessId), service(serviceId), appointment(appointmentId));
    }

    record BookingFacts(Optional<Boolean> businessActive, Optional<ServiceRecord> service,
                        Optional<AppointmentRecord> appointment) {
    }

    record ServiceRecord(BusinessId businessId, ServiceTerms terms, boolean active) {
    }

    record SeriesRecord(BusinessId businessId, StaffId staffId, ServiceId serviceId) {
    }

    record AppointmentRecord(BusinessId businessId, StaffId staffId, ServiceId serviceId, AppointmentStatus status,
                             long revision) {
    }
}
