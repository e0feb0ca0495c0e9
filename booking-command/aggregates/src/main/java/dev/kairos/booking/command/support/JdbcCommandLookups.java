package dev.kairos.booking.command.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.catalog.HolidayRemoved;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.command.waitlist.Waitlist;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.waitlist.WaitlistJoined;
import dev.kairos.booking.waitlist.WaitlistLeft;
import dev.kairos.booking.waitlist.WaitlistOfferAccepted;
import dev.kairos.booking.waitlist.WaitlistOfferDeclined;
import dev.kairos.booking.waitlist.WaitlistOfferLapsed;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.quota.QuotaPlaceReleased;
import dev.kairos.booking.quota.QuotaPlaceTaken;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/** {@link CommandLookups} on PostgreSQL, maintained by a subscribing processor inside the command's transaction. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
class JdbcCommandLookups implements CommandLookups {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final int PARSED_TERMS_CAPACITY = 10_000;
    private final JdbcTemplate jdbc;
    private final Map<String, ServiceTerms> parsedTerms = new ConcurrentHashMap<>();

    JdbcCommandLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Boolean> businessActive(BusinessId businessId) {
        return jdbc.query("SELECT active FROM cmd_business WHERE business_id = ?",
                (rs, i) -> rs.getBoolean(1), businessId.id()).stream().findFirst();
    }

    @Override
    public Optional<ZoneId> businessZone(BusinessId businessId) {
        return jdbc.query("SELECT zone FROM cmd_business WHERE business_id = ?",
                (rs, i) -> ZoneId.of(rs.getString(1)), businessId.id()).stream().findFirst();
    }

    @Override
    public Optional<ServiceRecord> service(ServiceId serviceId) {
        return jdbc.query("SELECT business_id, terms, active FROM cmd_service WHERE service_id = ?",
                (rs, i) -> new ServiceRecord(new BusinessId(rs.getObject(1, UUID.class)), read(rs.getString(2)),
                        rs.getBoolean(3)), serviceId.id()).stream().findFirst();
    }

    @Override
    public Optional<AppointmentRecord> appointment(AppointmentId appointmentId) {
        return jdbc.query("SELECT business_id, staff_id, service_id, status, revision FROM cmd_appointment WHERE appointment_id = ?",
                (rs, i) -> new AppointmentRecord(new BusinessId(rs.getObject(1, UUID.class)),
                        new StaffId(rs.getObject(2, UUID.class)), new ServiceId(rs.getObject(3, UUID.class)),
                        AppointmentStatus.valueOf(rs.getString(4)), rs.getLong(5)), appointmentId.id()).stream().findFirst();
    }

    @Override
    public Optional<HoldRecord> hold(HoldId holdId) {
        return jdbc.query("SELECT business_id, staff_id, state, appointment_id FROM cmd_hold WHERE hold_id = ?",
                (rs, i) -> new HoldRecord(new BusinessId(rs.getObject(1, UUID.class)), new StaffId(rs.getObject(2, UUID.class)),
                        HoldState.valueOf(rs.getString(3)),
                        rs.getObject(4) == null ? null : new AppointmentId(rs.getObject(4, UUID.class))),
                holdId.id()).stream().findFirst();
    }

    @Override
    public Optional<WaitlistEntryRecord> waitlistEntry(WaitlistEntryId entryId) {
        return jdbc.query("SELECT business_id, waitlist_id, offer_hold_id, offer_staff_id FROM cmd_waitlist_entry "
                        + "WHERE entry_id = ? AND state IN ('WAITING', 'OFFERED')",
                (rs, i) -> new WaitlistEntryRecord(new BusinessId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getObject(3) == null ? null : new HoldId(rs.getObject(3, UUID.class)),
                        rs.getObject(4) == null ? null : new StaffId(rs.getObject(4, UUID.class))),
                entryId.id()).stream().findFirst();
    }

    @Override
    public Optional<String> waitlistOf(WaitlistEntryId entryId, BusinessId businessId) {
        return jdbc.queryForList("SELECT waitlist_id::text FROM cmd_waitlist_entry WHERE entry_id = ? AND business_id = ?",
                String.class, entryId.id(), businessId.id()).stream().findFirst();
    }

    @Override
    public List<StaffCandidate> staffFor(BusinessId businessId, ServiceId serviceId) {
        return jdbc.query("SELECT s.staff_id, s.last_assigned FROM cmd_staff_service ss JOIN cmd_staff s ON s.staff_id = ss.staff_id "
                        + "WHERE ss.service_id = ? AND s.business_id = ? AND s.active ORDER BY s.staff_id",
                (rs, i) -> new StaffCandidate(new StaffId(rs.getObject(1, UUID.class)), rs.getLong(2)),
                serviceId.id(), businessId.id());
    }

    @Override
    public boolean quotaExists(String quotaId) {
        return !jdbc.queryForList("SELECT 1 FROM cmd_quota WHERE quota_id = ?", Integer.class, quotaId).isEmpty();
    }

    @Override
    public Optional<String> quotaOf(AppointmentId appointmentId) {
        return jdbc.query("SELECT quota_id FROM cmd_quota_place WHERE appointment_id = ?", (rs, i) -> rs.getString(1),
                appointmentId.id()).stream().findFirst();
    }

    @Override
    public Optional<SeriesRecord> series(SeriesId seriesId) {
        return jdbc.query("SELECT business_id, staff_id, service_id FROM cmd_series WHERE series_id = ?",
                (rs, i) -> new SeriesRecord(new BusinessId(rs.getObject(1, UUID.class)), new StaffId(rs.getObject(2, UUID.class)),
                        new ServiceId(rs.getObject(3, UUID.class))), seriesId.id()).stream().findFirst();
    }

    /** One round trip instead of three: booking is the hot path. */
    @Override
    public List<TimeSlot> holidays(BusinessId businessId, Instant from, Instant to) {
        List<TimeSlot> periods = new ArrayList<>();
        jdbc.query("SELECT b.zone, h.first_date, h.last_date FROM cmd_holiday h JOIN cmd_business b ON b.business_id = h.business_id "
                        + "WHERE h.business_id = ? AND h.last_date >= ? AND h.first_date <= ? ORDER BY h.first_date",
                rs -> {
                    periods.add(Holiday.period(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), ZoneId.of(rs.getString(1))));
                }, businessId.id(), Date.valueOf(firstDateToAsk(from)), Date.valueOf(lastDateToAsk(to)));
        return overlapping(periods, from, to);
    }

    /** One round trip instead of four: booking is the hot path. */
    @Override
    public BookingFacts bookingFacts(BusinessId businessId, ServiceId serviceId, AppointmentId appointmentId, Instant start) {
        Instant from = start.minus(HOLIDAY_REACH);
        Instant to = start.plus(HOLIDAY_REACH);
        return jdbc.queryForObject("SELECT b.active, "
                        + "s.business_id, s.terms, s.active, a.business_id, a.staff_id, a.service_id, a.status, a.revision, "
                        + "b.zone, (SELECT string_agg(to_char(h.first_date, 'YYYY-MM-DD') || ' ' || to_char(h.last_date, 'YYYY-MM-DD'), ',') FROM cmd_holiday h "
                        + "WHERE h.business_id = ? AND h.last_date >= ? AND h.first_date <= ?) "
                        + "FROM (SELECT 1) AS one LEFT JOIN cmd_business b ON b.business_id = ? "
                        + "LEFT JOIN cmd_service s ON s.service_id = ? "
                        + "LEFT JOIN cmd_appointment a ON a.appointment_id = ?",
                (rs, i) -> new BookingFacts(
                        Optional.ofNullable((Boolean) rs.getObject(1)),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(new ServiceRecord(
                                new BusinessId(rs.getObject(2, UUID.class)), read(rs.getString(3)), rs.getBoolean(4))),
                        rs.getObject(5) == null ? Optional.empty() : Optional.of(new AppointmentRecord(
                                new BusinessId(rs.getObject(5, UUID.class)), new StaffId(rs.getObject(6, UUID.class)),
                                new ServiceId(rs.getObject(7, UUID.class)), AppointmentStatus.valueOf(rs.getString(8)),
                                rs.getLong(9))),
                        holidayPeriods(rs.getString(10), rs.getString(11), from, to)),
                businessId.id(), Date.valueOf(firstDateToAsk(from)), Date.valueOf(lastDateToAsk(to)),
                businessId.id(), serviceId.id(), appointmentId.id());
    }

    /** Holidays as "first last" date pairs, comma-separated, in the business's zone. */
    private static List<TimeSlot> holidayPeriods(String zone, String dates, Instant from, Instant to) {
        if (zone == null || dates == null) {
            return List.of();
        }
        ZoneId businessZone = ZoneId.of(zone);
        List<TimeSlot> periods = new ArrayList<>();
        for (String pair : dates.split(",")) {
            String[] firstLast = pair.split(" ");
            periods.add(Holiday.period(LocalDate.parse(firstLast[0]), LocalDate.parse(firstLast[1]), businessZone));
        }
        periods.sort(null);
        return overlapping(periods, from, to);
    }

    private static List<TimeSlot> overlapping(List<TimeSlot> periods, Instant from, Instant to) {
        TimeSlot window = new TimeSlot(from, to);
        return periods.stream().filter(window::overlaps).toList();
    }

    /** Local dates in any zone lie within a day of the UTC date (offsets are at most ±18 hours). */
    private static LocalDate firstDateToAsk(Instant from) {
        return LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1);
    }

    private static LocalDate lastDateToAsk(Instant to) {
        return LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1);
    }

    @EventHandler
    void on(BusinessRegistered event) {
        jdbc.update("INSERT INTO cmd_business (business_id, active, zone) VALUES (?, true, ?)", event.businessId().id(),
                event.profile().zone().getId());
    }

    @EventHandler
    void on(BusinessUpdated event) {
        jdbc.update("UPDATE cmd_business SET zone = ? WHERE business_id = ?", event.profile().zone().getId(),
                event.businessId().id());
    }

    @EventHandler
    void on(BusinessDeactivated event) {
        jdbc.update("UPDATE cmd_business SET active = false WHERE business_id = ?", event.businessId().id());
    }

    @EventHandler
    void on(HolidayAdded event) {
        Holiday holiday = event.holiday();
        jdbc.update("INSERT INTO cmd_holiday (business_id, holiday_id, first_date, last_date) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", event.businessId().id(), holiday.id().id(), Date.valueOf(holiday.from()),
                Date.valueOf(holiday.to()));
    }

    @EventHandler
    void on(HolidayRemoved event) {
        jdbc.update("DELETE FROM cmd_holiday WHERE business_id = ? AND holiday_id = ?", event.businessId().id(),
                event.holidayId().id());
    }

    @EventHandler
    void on(ServiceDefined event) {
        jdbc.update("INSERT INTO cmd_service (service_id, business_id, terms, active) VALUES (?, ?, ?, true)",
                event.serviceId().id(), event.businessId().id(), write(event.terms()));
    }

    @EventHandler
    void on(ServiceRevised event) {
        jdbc.update("UPDATE cmd_service SET terms = ? WHERE service_id = ?", write(event.terms()), event.serviceId().id());
    }

    @EventHandler
    void on(ServiceDeactivated event) {
        jdbc.update("UPDATE cmd_service SET active = false WHERE service_id = ?", event.serviceId().id());
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.update("INSERT INTO cmd_staff (staff_id, business_id, active) VALUES (?, ?, true)", event.staffId().id(),
                event.businessId().id());
        replaceServices(event.staffId(), event.services());
    }

    @EventHandler
    void on(StaffServicesChanged event) {
        replaceServices(event.staffId(), event.services());
    }

    @EventHandler
    void on(StaffMemberDeactivated event) {
        jdbc.update("UPDATE cmd_staff SET active = false WHERE staff_id = ?", event.staffId().id());
    }

    private void replaceServices(StaffId staffId, Set<ServiceId> services) {
        jdbc.update("DELETE FROM cmd_staff_service WHERE staff_id = ?", staffId.id());
        jdbc.batchUpdate("INSERT INTO cmd_staff_service (service_id, staff_id) VALUES (?, ?)",
                services.stream().map(s -> new Object[] {s.id(), staffId.id()}).toList());
    }

    /** The staff member was assigned an appointment: the most recent assignment so far (round robin). */
    private void assigned(StaffId staffId) {
        jdbc.update("UPDATE cmd_staff SET last_assigned = nextval('cmd_staff_assignment') WHERE staff_id = ?", staffId.id());
    }

    @EventHandler
    void on(AppointmentBooked event) {
        jdbc.update("INSERT INTO cmd_appointment (appointment_id, business_id, staff_id, service_id, status, revision, slot_start, "
                        + "customer_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?)", event.appointmentId().id(), event.businessId().id(),
                event.staffId().id(), event.serviceId().id(), AppointmentStatus.SCHEDULED.name(),
                java.sql.Timestamp.from(event.slot().start()), event.customerId().id());
        assigned(event.staffId());
    }

    @EventHandler
    void on(QuotaPlaceTaken event) {
        jdbc.update("INSERT INTO cmd_quota (quota_id) VALUES (?) ON CONFLICT DO NOTHING", event.quotaId());
        jdbc.update("INSERT INTO cmd_quota_place (appointment_id, quota_id) VALUES (?, ?)", event.appointmentId().id(),
                event.quotaId());
    }

    @EventHandler
    void on(QuotaPlaceReleased event) {
        jdbc.update("DELETE FROM cmd_quota_place WHERE appointment_id = ?", event.appointmentId().id());
    }

    @EventHandler
    void on(SeriesBooked event) {
        jdbc.update("INSERT INTO cmd_series (series_id, business_id, staff_id, service_id) VALUES (?, ?, ?, ?)",
                event.seriesId().id(), event.businessId().id(), event.staffId().id(), event.serviceId().id());
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        jdbc.update("UPDATE cmd_appointment SET revision = ?, slot_start = ? WHERE appointment_id = ?", event.revision(),
                java.sql.Timestamp.from(event.slot().start()), event.appointmentId().id());
    }

    @EventHandler
    void on(AppointmentTransferredIn event) {
        jdbc.update("UPDATE cmd_appointment SET staff_id = ?, revision = ?, slot_start = ? WHERE appointment_id = ?",
                event.staffId().id(), event.revision(), java.sql.Timestamp.from(event.slot().start()), event.appointmentId().id());
        assigned(event.staffId());
    }

    @EventHandler
    void on(AppointmentStatusChanged event) {
        jdbc.update("UPDATE cmd_appointment SET status = ?, revision = ? WHERE appointment_id = ?",
                event.newStatus().name(), event.revision(), event.appointmentId().id());
    }

    @EventHandler
    void on(HoldPlaced event) {
        jdbc.update("INSERT INTO cmd_hold (hold_id, business_id, staff_id, state) VALUES (?, ?, ?, ?)",
                event.holdId().id(), event.businessId().id(), event.staffId().id(), HoldState.PLACED.name());
    }

    @EventHandler
    void on(HoldConfirmed event) {
        jdbc.update("UPDATE cmd_hold SET state = ?, appointment_id = ? WHERE hold_id = ?", HoldState.CONFIRMED.name(),
                event.appointmentId().id(), event.holdId().id());
    }

    @EventHandler
    void on(HoldReleased event) {
        jdbc.update("UPDATE cmd_hold SET state = ? WHERE hold_id = ?", HoldState.RELEASED.name(), event.holdId().id());
    }

    @EventHandler
    void on(HoldExpired event) {
        jdbc.update("UPDATE cmd_hold SET state = ? WHERE hold_id = ?", HoldState.EXPIRED.name(), event.holdId().id());
    }

    @EventHandler
    void on(WaitlistJoined event) {
        jdbc.update("INSERT INTO cmd_waitlist_entry (entry_id, waitlist_id, business_id, service_id, staff_id, window_from, "
                        + "window_to, state) VALUES (?, ?::uuid, ?, ?, ?, ?, ?, 'WAITING')", event.entryId().id(),
                Waitlist.idOf(event.businessId(), event.serviceId()), event.businessId().id(), event.serviceId().id(),
                event.staffId() == null ? null : event.staffId().id(), java.sql.Timestamp.from(event.window().start()),
                java.sql.Timestamp.from(event.window().end()));
    }

    @EventHandler
    void on(WaitlistSlotOffered event) {
        jdbc.update("UPDATE cmd_waitlist_entry SET state = 'OFFERED', offer_hold_id = ?, offer_staff_id = ? WHERE entry_id = ?",
                event.holdId().id(), event.staffId().id(), event.entryId().id());
    }

    @EventHandler
    void on(WaitlistOfferDeclined event) {
        waitingAgain(event.entryId());
    }

    @EventHandler
    void on(WaitlistOfferLapsed event) {
        waitingAgain(event.entryId());
    }

    @EventHandler
    void on(WaitlistOfferAccepted event) {
        jdbc.update("UPDATE cmd_waitlist_entry SET state = 'BOOKED', offer_hold_id = NULL, offer_staff_id = NULL WHERE entry_id = ?",
                event.entryId().id());
    }

    @EventHandler
    void on(WaitlistLeft event) {
        jdbc.update("UPDATE cmd_waitlist_entry SET state = 'LEFT' WHERE entry_id = ?", event.entryId().id());
    }

    private void waitingAgain(WaitlistEntryId entryId) {
        jdbc.update("UPDATE cmd_waitlist_entry SET state = 'WAITING', offer_hold_id = NULL, offer_staff_id = NULL WHERE entry_id = ?",
                entryId.id());
    }

    private static String write(ServiceTerms terms) {
        try {
            return JSON.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("service terms not serialisable", e);
        }
    }

    /** Terms parsed from their stored JSON, remembered by the text itself (never stale); bounded. */
    private ServiceTerms read(String json) {
        ServiceTerms terms = parsedTerms.get(json);
        if (terms == null) {
            try {
                terms = JSON.readValue(json, ServiceTerms.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored service terms unreadable", e);
            }
            if (parsedTerms.size() >= PARSED_TERMS_CAPACITY) {
                parsedTerms.clear();
            }
            parsedTerms.put(json, terms);
        }
        return terms;
    }
}
