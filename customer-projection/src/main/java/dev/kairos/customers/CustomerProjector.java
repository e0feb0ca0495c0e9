package dev.kairos.customers;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Customers and their booking history, built from appointment events. Appointment rows are guarded by the
 * appointment's revision; customer rows are only inserted, so nodes and segments never contend for them.
 */
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
        knowCustomer(event.customerId(), event.businessId());
        jdbc.update("INSERT INTO customer_appointment (appointment_id, customer_id, business_id, service_id, staff_id, start_at, "
                        + "end_at, status, revision, customer_name, customer_email, customer_phone, booked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', 1, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO NOTHING",
                history(event.appointmentId(), event.customerId(), event.businessId(), event.serviceId().id(),
                        event.staffId().id(), event.slot().start(), event.slot().end(), event.customer(), event.bookedAt()));
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
        knowCustomer(event.customerId(), event.businessId());
        Object[] row = history(event.appointmentId(), event.customerId(), event.businessId(), event.serviceId().id(),
                event.staffId().id(), event.slot().start(), event.slot().end(), event.customer(), event.bookedAt());
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

    private void knowCustomer(CustomerId customerId, BusinessId businessId) {
        jdbc.update("INSERT INTO customer_view (customer_id, business_id) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING",
                customerId.id(), businessId.id());
    }

    private static Object[] history(AppointmentId appointmentId, CustomerId customerId, BusinessId businessId,
                                    Object serviceId, Object staffId, java.time.Instant start, java.time.Instant end,
                                    CustomerDetails customer, java.time.Instant bookedAt) {
        return new Object[]{appointmentId.id(), customerId.id(), businessId.id(), serviceId, staffId,
                Timestamp.from(start), Timestamp.from(end), customer.name(), customer.email(), customer.phone(),
                Timestamp.from(bookedAt)};
    }
}
