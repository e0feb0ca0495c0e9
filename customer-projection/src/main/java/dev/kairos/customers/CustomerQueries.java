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
        // the newest booking's name is the customer's; email and phone are the newest ones given
        String newest = "SELECT %s FROM customer_appointment a WHERE a.customer_id = c.customer_id%s "
                + "ORDER BY a.booked_at DESC, a.appointment_id DESC LIMIT 1";
        return jdbc.query("SELECT c.customer_id, c.business_id, (" + newest.formatted("customer_name", "") + "), "
                        + "(" + newest.formatted("customer_email", " AND a.customer_email IS NOT NULL") + "), "
                        + "(" + newest.formatted("customer_phone", " AND a.customer_phone IS NOT NULL") + "), "
                        + "(SELECT min(booked_at) FROM customer_appointment a WHERE a.customer_id = c.customer_id), "
                        + "(SELECT max(booked_at) FROM customer_appointment a WHERE a.customer_id = c.customer_id) "
                        + "FROM customer_view c WHERE c.customer_id = ? AND c.business_id = ?",
                (rs, i) -> new CustomerView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), history),
                customerId.id(), businessId.id()).stream().findFirst();
    }
}
