package dev.kairos.customers;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Customers and their booking history, built from appointment events. Rows are guarded by appointment revision. */
@Component
@ProcessingGroup(CustomerProjector.PROCESSING_GROUP)
public class CustomerProjector {
    public static final String PROCESSING_GROUP = "customers";

    private final JdbcTemplate jdbc;

    public CustomerProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AppointmentBooked event) {
        Timestamp bookedAt = Timestamp.from(event.bookedAt());
        jdbc.update("INSERT INTO customer_view (customer_id, business_id, name, email, phone, first_booked_at, last_booked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, "
                        + "email = COALESCE(EXCLUDED.email, customer_view.email), phone = COALESCE(EXCLUDED.phone, customer_view.phone), "
                        + "first_booked_at = LEAST(customer_view.first_booked_at, EXCLUDED.first_booked_at), "
                        + "last_booked_at = GREATEST(customer_view.last_booked_at, EXCLUDED.last_booked_at)",
                event.customerId().id(), event.businessId().id(), event.customer().name(), event.customer().email(),
                event.customer().phone(), bookedAt, bookedAt);
        jdbc.update("INSERT INTO customer_appointment (appointment_id, customer_id, business_id, service_id, staff_id, start_at, "
                        + "end_at, status, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', 1) ON CONFLICT (appointment_id) DO NOTHING",
                event.appointmentId().id(), event.customerId().id(), event.businessId().id(), event.serviceId().id(),
                event.staffId().id(), Timestamp.from(event.slot().start()), Timestamp.from(event.slot().end()));
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
        jdbc.update("INSERT INTO customer_appointment (appointment_id, customer_id, business_id, service_id, staff_id, start_at, "
                        + "end_at, status, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET "
                        + "staff_id = EXCLUDED.staff_id, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at, "
                        + "status = EXCLUDED.status, revision = EXCLUDED.revision WHERE customer_appointment.revision < EXCLUDED.revision",
                event.appointmentId().id(), event.customerId().id(), event.businessId().id(), event.serviceId().id(),
                event.staffId().id(), Timestamp.from(event.slot().start()), Timestamp.from(event.slot().end()),
                event.status().name(), event.revision());
    }

    @EventHandler
    void on(AppointmentStatusChanged event) {
        jdbc.update("UPDATE customer_appointment SET status = ?, revision = ? WHERE appointment_id = ? AND revision < ?",
                event.newStatus().name(), event.revision(), event.appointmentId().id(), event.revision());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE customer_view, customer_appointment");
    }
}
