package dev.kairos.booking.command.support;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.command.waitlist.Waitlist;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.waitlist.WaitlistJoined;
import dev.kairos.booking.waitlist.WaitlistLeft;
import dev.kairos.booking.waitlist.WaitlistOfferAccepted;
import dev.kairos.booking.waitlist.WaitlistOfferDeclined;
import dev.kairos.booking.waitlist.WaitlistOfferLapsed;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.catalog.HolidayRemoved;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HolidayId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.quota.QuotaPlaceReleased;
import dev.kairos.booking.quota.QuotaPlaceTaken;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Unit-test double of the command-side lookup tables: maps, kept up to date from the events the test world
 * commits (like the subscribing lookup projection does in the same transaction). Tests may also edit the maps
 * directly to simulate facts the aggregates under test do not produce.
 */
public final class InMemoryLookups implements CommandLookups {
    public final Map<BusinessId, Boolean> businesses = new HashMap<>();
    public final Map<BusinessId, ZoneId> zones = new HashMap<>();
    public final Map<ServiceId, ServiceRecord> services = new HashMap<>();
    public final Map<AppointmentId, AppointmentRecord> appointments = new HashMap<>();
    public final Map<HoldId, HoldRecord> holds = new HashMap<>();
    public final Map<WaitlistEntryId, WaitlistEntryRecord> waitlistEntries = new HashMap<>();
    /** Every entry ever joined, with its business and waitlist. */
    public final Map<WaitlistEntryId, WaitlistEntryRecord> joined = new HashMap<>();

    @Override
    public Optional<String> waitlistOf(WaitlistEntryId entryId, BusinessId businessId) {
        return Optional.ofNullable(joined.get(entryId)).filter(e -> e.businessId().equals(businessId)).map(WaitlistEntryRecord::waitlistId);
    }

    @Override
    public Optional<WaitlistEntryRecord> waitlistEntry(WaitlistEntryId entryId) {
        return Optional.ofNullable(waitlistEntries.get(entryId));
    }

    @Override
    public Optional<HoldRecord> hold(HoldId holdId) {
        return Optional.ofNullable(holds.get(holdId));
    }

    /** Staff by id: business, active, services and the order of their latest assignment. */
    public final Map<StaffId, StaffRecord> staff = new HashMap<>();
    public final Map<AppointmentId, String> quotaPlaces = new HashMap<>();
    public final Set<String> quotas = new java.util.HashSet<>();
    private long assignments;

    public record StaffRecord(BusinessId businessId, boolean active, Set<ServiceId> services, long lastAssigned) {
    }

    @Override
    public List<StaffCandidate> staffFor(BusinessId businessId, ServiceId serviceId) {
        return staff.entrySet().stream()
                .filter(e -> e.getValue().businessId().equals(businessId) && e.getValue().active()
                        && e.getValue().services().contains(serviceId))
                .map(e -> new StaffCandidate(e.getKey(), e.getValue().lastAssigned()))
                .sorted(Comparator.comparing(c -> c.staffId().id()))
                .toList();
    }

    @Override
    public boolean quotaExists(String quotaId) {
        return quotas.contains(quotaId);
    }

    @Override
    public Optional<String> quotaOf(AppointmentId appointmentId) {
        return Optional.ofNullable(quotaPlaces.get(appointmentId));
    }

    private void assigned(StaffId staffId) {
        StaffRecord r = staff.get(staffId);
        if (r != null) {
            staff.put(staffId, new StaffRecord(r.businessId(), r.active(), r.services(), ++assignments));
        }
    }
    public final Map<BusinessId, Map<HolidayId, Holiday>> holidays = new HashMap<>();

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
    public List<TimeSlot> holidays(BusinessId businessId, Instant from, Instant to) {
        ZoneId zone = zones.getOrDefault(businessId, ZoneId.of("UTC"));
        TimeSlot window = new TimeSlot(from, to);
        return holidays.getOrDefault(businessId, Map.of()).values().stream()
                .map(h -> h.period(zone)).filter(window::overlaps).sorted().toList();
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
        } else if (event instanceof HolidayAdded e) {
            holidays.computeIfAbsent(e.businessId(), k -> new LinkedHashMap<>()).put(e.holiday().id(), e.holiday());
        } else if (event instanceof HolidayRemoved e) {
            holidays.getOrDefault(e.businessId(), new HashMap<>()).remove(e.holidayId());
        } else if (event instanceof ServiceDefined e) {
            services.put(e.serviceId(), new ServiceRecord(e.businessId(), e.terms(), true));
        } else if (event instanceof ServiceRevised e) {
            ServiceRecord r = services.get(e.serviceId());
            services.put(e.serviceId(), new ServiceRecord(r.businessId(), e.terms(), r.active()));
        } else if (event instanceof ServiceDeactivated e) {
            ServiceRecord r = services.get(e.serviceId());
            services.put(e.serviceId(), new ServiceRecord(r.businessId(), r.terms(), false));
        } else if (event instanceof StaffMemberRegistered e) {
            staff.put(e.staffId(), new StaffRecord(e.businessId(), true, e.services(), 0));
        } else if (event instanceof StaffServicesChanged e) {
            StaffRecord r = staff.get(e.staffId());
            staff.put(e.staffId(), new StaffRecord(r.businessId(), r.active(), e.services(), r.lastAssigned()));
        } else if (event instanceof StaffMemberDeactivated e) {
            StaffRecord r = staff.get(e.staffId());
            staff.put(e.staffId(), new StaffRecord(r.businessId(), false, r.services(), r.lastAssigned()));
        } else if (event instanceof QuotaPlaceTaken e) {
            quotaPlaces.put(e.appointmentId(), e.quotaId());
            quotas.add(e.quotaId());
        } else if (event instanceof QuotaPlaceReleased e) {
            quotaPlaces.remove(e.appointmentId());
        } else if (event instanceof SeriesBooked e) {
            series.put(e.seriesId(), new SeriesRecord(e.businessId(), e.staffId(), e.serviceId()));
        } else if (event instanceof AppointmentBooked e) {
            appointments.put(e.appointmentId(), new AppointmentRecord(e.businessId(), e.staffId(), e.serviceId(),
                    AppointmentStatus.SCHEDULED, 1));
            assigned(e.staffId());
        } else if (event instanceof AppointmentRescheduled e) {
            AppointmentRecord r = appointments.get(e.appointmentId());
            appointments.put(e.appointmentId(), new AppointmentRecord(r.businessId(), r.staffId(), r.serviceId(),
                    r.status(), e.revision()));
        } else if (event instanceof AppointmentTransferredIn e) {
            appointments.put(e.appointmentId(), new AppointmentRecord(e.businessId(), e.staffId(), e.serviceId(),
                    e.status(), e.revision()));
            assigned(e.staffId());
        } else if (event instanceof WaitlistJoined e) {
            waitlistEntries.put(e.entryId(), new WaitlistEntryRecord(e.businessId(), Waitlist.idOf(e.businessId(), e.serviceId()), null, null));
            joined.put(e.entryId(), waitlistEntries.get(e.entryId()));
        } else if (event instanceof WaitlistSlotOffered e) {
            WaitlistEntryRecord r = waitlistEntries.get(e.entryId());
            waitlistEntries.put(e.entryId(), new WaitlistEntryRecord(r.businessId(), r.waitlistId(), e.holdId(), e.staffId()));
        } else if (event instanceof WaitlistOfferDeclined || event instanceof WaitlistOfferLapsed) {
            WaitlistEntryId id = event instanceof WaitlistOfferDeclined d ? d.entryId() : ((WaitlistOfferLapsed) event).entryId();
            WaitlistEntryRecord r = waitlistEntries.get(id);
            waitlistEntries.put(id, new WaitlistEntryRecord(r.businessId(), r.waitlistId(), null, null));
        } else if (event instanceof WaitlistOfferAccepted e) {
            waitlistEntries.remove(e.entryId());
        } else if (event instanceof WaitlistLeft e) {
            waitlistEntries.remove(e.entryId());
        } else if (event instanceof HoldPlaced e) {
            holds.put(e.holdId(), new HoldRecord(e.businessId(), e.staffId(), HoldState.PLACED, null));
        } else if (event instanceof HoldConfirmed e) {
            holds.put(e.holdId(), new HoldRecord(e.businessId(), e.staffId(), HoldState.CONFIRMED, e.appointmentId()));
        } else if (event instanceof HoldReleased e) {
            holds.put(e.holdId(), new HoldRecord(e.businessId(), e.staffId(), HoldState.RELEASED, null));
        } else if (event instanceof HoldExpired e) {
            holds.put(e.holdId(), new HoldRecord(e.businessId(), e.staffId(), HoldState.EXPIRED, null));
        } else if (event instanceof AppointmentStatusChanged e) {
            AppointmentRecord r = appointments.get(e.appointmentId());
            appointments.put(e.appointmentId(), new AppointmentRecord(r.businessId(), r.staffId(), r.serviceId(),
                    e.newStatus(), e.revision()));
        }
    }
}
