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
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
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
    public Optional<SeriesRecord> series(SeriesId seriesId) {
        return jdbc.query("SELECT business_id, staff_id, service_id FROM cmd_series WHERE series_id = ?",
                (rs, i) -> new SeriesRecord(new BusinessId(rs.getObject(1, UUID.class)), new StaffId(rs.getObject(2, UUID.class)),
                        new ServiceId(rs.getObject(3, UUID.class))), seriesId.id()).stream().findFirst();
    }

    /** One round trip instead of three: booking is the hot path. */
    @Override
    public BookingFacts bookingFacts(BusinessId businessId, ServiceId serviceId, AppointmentId appointmentId) {
        return jdbc.queryForObject("SELECT (SELECT active FROM cmd_business WHERE business_id = ?), "
                        + "s.business_id, s.terms, s.active, a.business_id, a.staff_id, a.service_id, a.status, a.revision "
                        + "FROM (SELECT 1) AS one LEFT JOIN cmd_service s ON s.service_id = ? "
                        + "LEFT JOIN cmd_appointment a ON a.appointment_id = ?",
                (rs, i) -> new BookingFacts(
                        Optional.ofNullable((Boolean) rs.getObject(1)),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(new ServiceRecord(
                                new BusinessId(rs.getObject(2, UUID.class)), read(rs.getString(3)), rs.getBoolean(4))),
                        rs.getObject(5) == null ? Optional.empty() : Optional.of(new AppointmentRecord(
                                new BusinessId(rs.getObject(5, UUID.class)), new StaffId(rs.getObject(6, UUID.class)),
                                new ServiceId(rs.getObject(7, UUID.class)), AppointmentStatus.valueOf(rs.getString(8)),
                                rs.getLong(9)))),
                businessId.id(), serviceId.id(), appointmentId.id());
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
    void on(AppointmentBooked event) {
        jdbc.update("INSERT INTO cmd_appointment (appointment_id, business_id, staff_id, service_id, status, revision) "
                        + "VALUES (?, ?, ?, ?, ?, 1)", event.appointmentId().id(), event.businessId().id(),
                event.staffId().id(), event.serviceId().id(), AppointmentStatus.SCHEDULED.name());
    }

    @EventHandler
    void on(SeriesBooked event) {
        jdbc.update("INSERT INTO cmd_series (series_id, business_id, staff_id, service_id) VALUES (?, ?, ?, ?)",
                event.seriesId().id(), event.businessId().id(), event.staffId().id(), event.serviceId().id());
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        jdbc.update("UPDATE cmd_appointment SET revision = ? WHERE appointment_id = ?", event.revision(), event.appointmentId().id());
    }

    @EventHandler
    void on(AppointmentTransferredIn event) {
        jdbc.update("UPDATE cmd_appointment SET staff_id = ?, revision = ? WHERE appointment_id = ?",
                event.staffId().id(), event.revision(), event.appointmentId().id());
    }

    @EventHandler
    void on(AppointmentStatusChanged event) {
        jdbc.update("UPDATE cmd_appointment SET status = ?, revision = ? WHERE appointment_id = ?",
                event.newStatus().name(), event.revision(), event.appointmentId().id());
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
