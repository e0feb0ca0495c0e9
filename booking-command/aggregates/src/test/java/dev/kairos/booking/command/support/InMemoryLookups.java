package dev.kairos.booking.command.support;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesId;

import java.util.HashMap;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Unit-test double of the command-side lookup table: three maps, kept up to date from the events the test world
 * commits (like the subscribing lookup projection does in the same transaction). Tests may also edit the maps
 * directly to simulate facts the aggregates under test do not produce.
 */
public final class InMemoryLookups implements CommandLookups {
    public final Map<BusinessId, Boolean> businesses = new HashMap<>();
    public final Map<BusinessId, ZoneId> zones = new HashMap<>();
    public final Map<ServiceId, ServiceRecord> services = new HashMap<>();
    public final Map<AppointmentId, AppointmentRecord> appointments = new HashMap<>();
    public final Map<SeriesId, SeriesRecord> series = new HashMap<>();

    @Override
    public Optional<SeriesRecord> series(SeriesId seriesId) {
        return Optional.ofNullable(series.get(seriesId));
    }

    @Override
    public Optional<Boolean> businessActive(BusinessId businessId) {
        return Optional.ofNullable(businesses.get(businessId));
    }

    @Override
    public Optional<ZoneId> businessZone(BusinessId businessId) {
        return Optional.ofNullable(zones.get(businessId));
    }

    @Override
    public Optional<ServiceRecord> service(ServiceId serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    @Override
    public Optional<AppointmentRecord> appointment(AppointmentId appointmentId) {
        return Optional.ofNullable(appointments.get(appointmentId));
    }

    /** Follows one committed event. */
    void on(Object event) {
        if (event instanceof BusinessRegistered e) {
            businesses.put(e.businessId(), true);
            zones.put(e.businessId(), e.profile().zone());
        } else if (event instanceof BusinessUpdated e) {
            zones.put(e.businessId(), e.profile().zone());
        } else if (event instanceof BusinessDeactivated e) {
            businesses.put(e.businessId(), false);
        } else if (event instanceof ServiceDefined e) {
            services.put(e.serviceId(), new ServiceRecord(e.businessId(), e.terms(), true));
        } else if (event instanceof ServiceRevised e) {
            ServiceRecord r = services.get(e.serviceId());
            services.put(e.serviceId(), new ServiceRecord(r.businessId(), e.terms(), r.active()));
        } else if (event instanceof ServiceDeactivated e) {
            ServiceRecord r = services.get(e.serviceId());
            services.put(e.serviceId(), new ServiceRecord(r.businessId(), r.terms(), false));
        } else if (event instanceof SeriesBooked e) {
            series.put(e.seriesId(), new SeriesRecord(e.businessId(), e.staffId(), e.serviceId()));
        } else if (event instanceof AppointmentBooked e) {
            appointments.put(e.appointmentId(), new AppointmentRecord(e.businessId(), e.staffId(), e.serviceId(),
                    AppointmentStatus.SCHEDULED, 1));
        } else if (event instanceof AppointmentRescheduled e) {
            AppointmentRecord r = appointments.get(e.appointmentId());
            appointments.put(e.appointmentId(), new AppointmentRecord(r.businessId(), r.staffId(), r.serviceId(),
                    r.status(), e.revision()));
        } else if (event instanceof AppointmentTransferredIn e) {
            appointments.put(e.appointmentId(), new AppointmentRecord(e.businessId(), e.staffId(), e.serviceId(),
                    e.status(), e.revision()));
        } else if (event instanceof AppointmentStatusChanged e) {
            AppointmentRecord r = appointments.get(e.appointmentId());
            appointments.put(e.appointmentId(), new AppointmentRecord(r.businessId(), r.staffId(), r.serviceId(),
                    e.newStatus(), e.revision()));
        }
    }
}
