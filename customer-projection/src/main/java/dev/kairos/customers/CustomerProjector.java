package dev.kairos.customers;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.CustomerPreferencesSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Customers, their profiles and booking history, built from appointment and customer events.
 * <p>
 * Appointment rows are guarded by the appointment's revision. Which customer ids form one profile is derived from the
 * contacts they were booked with ({@link Profiles}), under a lock per business, so segments and nodes that apply
 * events of one business at once agree. Every handler gives the same rows whatever order events of different
 * aggregates arrive in: a booking made before its customer's erasure is stored redacted even when the erasure was
 * applied first, and a booking whose customer details arrive {@linkplain CustomerDetails#isErased() erased} (their
 * key destroyed) is stored redacted as well.
 */
@Component
@ProcessingGroup(CustomerProjector.PROCESSING_GROUP)
public class CustomerProjector {
    public static final String PROCESSING_GROUP = "customers";

    private final JdbcTemplate jdbc;
    private final Profiles profiles;

    public CustomerProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.profiles = new Profiles(jdbc);
    }

    @EventHandler
    void on(AppointmentBooked event) {
        profiles.lock(event.businessId());
        knowCustomer(event.customerId(), event.businessId());
        CustomerDetails customer = visible(event.customerId(), event.customer(), event.bookedAt());
        jdbc.update("INSERT INTO customer_appointment (appointment_id, customer_id, business_id, service_id, staff_id, start_at, "
                        + "end_at, status, revision, customer_name, customer_email, customer_phone, booked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', 1, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO NOTHING",
                history(event.appointmentId(), event.customerId(), event.businessId(), event.serviceId().id(),
                        event.staffId().id(), event.slot().start(), event.slot().end(), customer, event.bookedAt()));
        profiles.contacted(event.businessId(), event.customerId(), customer);
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        jdbc.update("UPDATE customer_appointment SET start_at = ?, end_at = ?, revision = ? WHERE appointment_id = ? AND revision < ?",
                Timestamp.from(event.slot().start()), Timestamp.from(event.slot().end()), event.revision(),
                event.appointmentId().id(), event.revision());
    }

    /** May be read before the booking itself (it comes through another calendar's stream), so it upserts. */
    @EventHandler
    void on(AppointmentTransferredIn event) {
        profiles.lock(event.businessId());
        knowCustomer(event.customerId(), event.businessId());
        CustomerDetails customer = visible(event.customerId(), event.customer(), event.bookedAt());
        Object[] row = history(event.appointmentId(), event.customerId(), event.businessId(), event.serviceId().id(),
                event.staffId().id(), event.slot().start(), event.slot().end(), customer, event.bookedAt());
        Object[] args = new Object[row.length + 2];
        System.arraycopy(row, 0, args, 0, 7);
        args[7] = event.status().name();
        args[8] = event.revision();
        System.arraycopy(row, 7, args, 9, row.length - 7);
        jdbc.update("INSERT INTO customer_appointment (appointment_id, customer_id, business_id, service_id, staff_id, start_at, "
                + "end_at, status, revision, customer_name, customer_email, customer_phone, booked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET "
                + "staff_id = EXCLUDED.staff_id, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at, "
                + "status = EXCLUDED.status, revision = EXCLUDED.revision WHERE customer_appointment.revision < EXCLUDED.revision", args);
        profiles.contacted(event.businessId(), event.customerId(), customer);
    }

    @EventHandler
    void on(AppointmentStatusChanged event) {
        jdbc.update("UPDATE customer_appointment SET status = ?, revision = ? WHERE appointment_id = ? AND revision < ?",
                event.newStatus().name(), event.revision(), event.appointmentId().id(), event.revision());
    }

    /** Preferences are the customer's as of the newest change; an older change read later leaves them as they are. */
    @EventHandler
    void on(CustomerPreferencesSet event) {
        profiles.lock(event.businessId());
        knowCustomer(event.customerId(), event.businessId());
        jdbc.update("UPDATE customer_view SET time_zone = ?, language = ?, channel = ?, preferences_set_at = ? "
                        + "WHERE customer_id = ? AND (preferences_set_at IS NULL OR preferences_set_at < ?) "
                        + "AND (erased_at IS NULL OR erased_at < ?)",
                event.timeZone() == null ? null : event.timeZone().getId(), event.language(),
                event.channel() == null ? null : event.channel().name(), Timestamp.from(event.setAt()),
                event.customerId().id(), Timestamp.from(event.setAt()), Timestamp.from(event.setAt()));
        profiles.refresh(event.businessId(), java.util.Set.of(event.customerId().id()));
    }

    /**
     * Forgets the customer's personal data: the bookings made until the erasure keep their times and status (for
     * counts) under the erased name, without email or phone; contacts and preferences go, and the profile is worked
     * out again without them (it may split, or vanish when nothing personal is left).
     */
    @EventHandler
    void on(CustomerErased event) {
        profiles.lock(event.businessId());
        knowCustomer(event.customerId(), event.businessId());
        Timestamp at = Timestamp.from(event.erasedAt());
        jdbc.update("UPDATE customer_view SET erased_at = ?, time_zone = NULL, language = NULL, channel = NULL, "
                        + "preferences_set_at = NULL WHERE customer_id = ? AND (erased_at IS NULL OR erased_at < ?)",
                at, event.customerId().id(), at);
        jdbc.update("UPDATE customer_appointment SET customer_name = ?, customer_email = NULL, customer_phone = NULL "
                + "WHERE customer_id = ? AND booked_at <= ?", CustomerDetails.ERASED_NAME, event.customerId().id(), at);
        profiles.recontact(event.businessId(), event.customerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE customer_view, customer_appointment, customer_contact, customer_profile");
    }

    private void knowCustomer(CustomerId customerId, BusinessId businessId) {
        jdbc.update("INSERT INTO customer_view (customer_id, business_id, profile_id) VALUES (?, ?, ?) ON CONFLICT (customer_id) DO NOTHING",
                customerId.id(), businessId.id(), customerId.id());
    }

    /** The details as this read model may keep them: erased when the customer was erased at or after the booking. */
    private CustomerDetails visible(CustomerId customerId, CustomerDetails details, Instant bookedAt) {
        if (details.isErased()) {
            return details;
        }
        Boolean erased = jdbc.queryForObject("SELECT erased_at IS NOT NULL AND erased_at >= ? FROM customer_view WHERE customer_id = ?",
                Boolean.class, Timestamp.from(bookedAt), customerId.id());
        return Boolean.TRUE.equals(erased) ? CustomerDetails.erased() : details;
    }

    private static Object[] history(AppointmentId appointmentId, CustomerId customerId, BusinessId businessId,
                                    Object serviceId, Object staffId, Instant start, Instant end,
                                    CustomerDetails customer, Instant bookedAt) {
        return new Object[]{appointmentId.id(), customerId.id(), businessId.id(), serviceId, staffId,
                Timestamp.from(start), Timestamp.from(end), customer.name(), customer.email(), customer.phone(),
                Timestamp.from(bookedAt)};
    }
}
