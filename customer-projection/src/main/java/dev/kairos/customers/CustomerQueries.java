package dev.kairos.customers;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the customer read model, scoped to one business. */
@Component
public class CustomerQueries {
    public static final int HISTORY_LIMIT = 500;

    private final JdbcTemplate jdbc;

    public CustomerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record CustomerView(UUID id, UUID businessId, String name, String email, String phone,
                               Instant firstBookedAt, Instant lastBookedAt, List<HistoryEntry> appointments) {
    }

    /** One appointment in a customer's history; instants in UTC. */
    public record HistoryEntry(UUID appointmentId, UUID serviceId, UUID staffId, Instant start, Instant end, String status) {
    }

    public Optional<CustomerView> customer(BusinessId businessId, CustomerId customerId) {
        List<HistoryEntry> history = jdbc.query("SELECT appointment_id, service_id, staff_id, start_at, end_at, status "
                        + "FROM customer_appointment WHERE customer_id = ? AND business_id = ? ORDER BY start_at DESC LIMIT " + HISTORY_LIMIT,
                (rs, i) -> new HistoryEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6)),
                customerId.id(), businessId.id());
        return jdbc.query("SELECT * FROM customer_view WHERE customer_id = ? AND business_id = ?",
                (rs, i) -> new CustomerView(rs.getObject("customer_id", UUID.class), rs.getObject("business_id", UUID.class),
                        rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                        rs.getTimestamp("first_booked_at").toInstant(), rs.getTimestamp("last_booked_at").toInstant(), history),
                customerId.id(), businessId.id()).stream().findFirst();
    }
}
