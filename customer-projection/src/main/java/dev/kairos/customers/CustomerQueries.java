package dev.kairos.customers;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads of the customer read model, scoped to one business. An erased customer is not found. */
@Component
public class CustomerQueries {
    public static final int HISTORY_LIMIT = 500;

    private final JdbcTemplate jdbc;

    public CustomerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer profile: {@code id} is the profile's id (the smallest of its customer ids), {@code customerIds} every
     * customer id linked into it. {@code lastActivityAt}: the latest booking made, appointment end (cancelled ones
     * aside) or preference change of any of its ids.
     */
    public record CustomerView(UUID id, UUID businessId, List<UUID> customerIds, String name, String email, String phone,
                               Preferences preferences, Instant firstBookedAt, Instant lastBookedAt, Instant lastActivityAt,
                               List<HistoryEntry> appointments) {
    }

    /** How the customer wants to be served; unset fields are null. */
    public record Preferences(String timeZone, String language, String channel) {
    }

    /** One appointment in a customer's history; instants in UTC. */
    public record HistoryEntry(UUID appointmentId, UUID customerId, UUID serviceId, UUID staffId, Instant start, Instant end,
                               String status) {
    }

    /** One search hit. */
    public record CustomerSummary(UUID id, String name, String email, String phone, Preferences preferences) {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** A customer of a business whose personal data was not erased, and the customer ids of their profile. */
    public record Linked(UUID profileId, List<UUID> customerIds) {
    }

    /** The profile {@code customerId} (any of its customer ids, or the profile's own) belongs to. */
    public Optional<Linked> linked(BusinessId businessId, CustomerId customerId) {
        List<UUID> profile = jdbc.queryForList("SELECT v.profile_id FROM customer_view v JOIN customer_profile p "
                + "ON p.profile_id = v.profile_id WHERE v.customer_id = ? AND v.business_id = ?", UUID.class, customerId.id(), businessId.id());
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Linked(profile.get(0), jdbc.queryForList("SELECT customer_id FROM customer_view WHERE profile_id = ? "
                + "AND business_id = ? ORDER BY customer_id::text", UUID.class, profile.get(0), businessId.id())));
    }

    public Optional<CustomerView> customer(BusinessId businessId, CustomerId customerId) {
        return linked(businessId, customerId).flatMap(linked -> {
            UUID[] ids = linked.customerIds().toArray(UUID[]::new);
            List<HistoryEntry> history = jdbc.query("SELECT appointment_id, customer_id, service_id, staff_id, start_at, end_at, status "
                            + "FROM customer_appointment WHERE customer_id = ANY(?) AND business_id = ? "
                            + "ORDER BY start_at DESC, appointment_id LIMIT " + HISTORY_LIMIT,
                    (rs, i) -> new HistoryEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7)),
                    ids, businessId.id());
            return jdbc.query("SELECT p.profile_id, p.business_id, p.name, p.email, p.phone, p.time_zone, p.language, p.channel, "
                            + "(SELECT min(booked_at) FROM customer_appointment a WHERE a.customer_id = ANY(?)), "
                            + "(SELECT max(booked_at) FROM customer_appointment a WHERE a.customer_id = ANY(?)), "
                            + "(" + LAST_ACTIVITY + ") FROM customer_profile p WHERE p.profile_id = ? AND p.business_id = ?",
                    (rs, i) -> new CustomerView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), linked.customerIds(),
                            rs.getString(3), rs.getString(4), rs.getString(5),
                            new Preferences(rs.getString(6), rs.getString(7), rs.getString(8)),
                            instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), history),
                    ids, ids, ids, ids, ids, linked.profileId(), businessId.id()).stream().findFirst();
        });
    }

    /** The latest activity of customer ids {@code ?::uuid[]} (bound three times). */
    private static final String LAST_ACTIVITY = "SELECT GREATEST("
            + "(SELECT max(booked_at) FROM customer_appointment a WHERE a.customer_id = ANY(?)), "
            + "(SELECT max(end_at) FROM customer_appointment a WHERE a.customer_id = ANY(?) AND a.status <> 'CANCELLED'), "
            + "(SELECT max(preferences_set_at) FROM customer_view v WHERE v.customer_id = ANY(?)))";

    /**
     * Customers of a business, by name then id, a page at a time. {@code name}: a fragment of the name (any case);
     * {@code email}: the whole address (any case); {@code phone}: the number or its beginning. Filters combine.
     */
    public Page<CustomerSummary> search(BusinessId businessId, String name, String email, String phone, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT profile_id, name, email, phone, time_zone, language, channel "
                + "FROM customer_profile WHERE business_id = ?");
        List<Object> args = new ArrayList<>(List.of(businessId.id()));
        if (name != null && !name.isBlank()) {
            sql.append(" AND lower(name) LIKE ? ESCAPE '\\'");
            args.add("%" + like(name.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (email != null && !email.isBlank()) {
            sql.append(" AND lower(email) = ?");
            args.add(email.trim().toLowerCase(Locale.ROOT));
        }
        if (phone != null && !phone.isBlank()) {
            sql.append(" AND phone LIKE ? ESCAPE '\\'");
            args.add(like(phone.trim()) + "%");
        }
        if (cursor != null) {
            // the cursor names the last profile of the page; its name is looked up, so no name travels in a URL
            sql.append(" AND (lower(name), profile_id) > (SELECT lower(c.name), c.profile_id FROM customer_profile c WHERE c.profile_id = ?)");
            args.add(Cursor.decode(cursor).id());
        }
        sql.append(" ORDER BY lower(name), profile_id LIMIT ?");
        args.add(limit + 1);
        List<CustomerSummary> rows = jdbc.query(sql.toString(), (rs, i) -> new CustomerSummary(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), new Preferences(rs.getString(5), rs.getString(6), rs.getString(7))),
                args.toArray());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, limit)), new Cursor(rows.get(limit - 1).id()).encode());
    }

    /** A customer due for erasure under the retention period: one of a profile's ids, not erased yet. */
    public record Inactive(UUID businessId, UUID customerId) {
    }

    /**
     * Customer ids of profiles whose every id had no activity (booking made, appointment ended, preference change)
     * after {@code cutoff} and has no appointment ending after it, at most {@code limit}, in a stable order.
     */
    public List<Inactive> inactiveSince(Instant cutoff, int limit) {
        Timestamp at = Timestamp.from(cutoff);
        return jdbc.query("SELECT v.business_id, v.customer_id FROM customer_profile p "
                        + "JOIN customer_view v ON v.profile_id = p.profile_id "
                        + "WHERE v.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM customer_view m WHERE m.profile_id = p.profile_id AND ("
                        + " m.preferences_set_at > ? "
                        + " OR EXISTS (SELECT 1 FROM customer_appointment a WHERE a.customer_id = m.customer_id AND a.booked_at > ?) "
                        + " OR EXISTS (SELECT 1 FROM customer_appointment a WHERE a.customer_id = m.customer_id AND a.end_at > ? "
                        + "   AND a.status <> 'CANCELLED'))) "
                        + "ORDER BY v.customer_id LIMIT ?",
                (rs, i) -> new Inactive(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), at, at, at, limit);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An opaque position in the customer list. */
    record Cursor(UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("customer|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                BookingException.require(text.startsWith("customer|"), ErrorCode.VALIDATION_FAILED, "cursor is not valid");
                return new Cursor(UUID.fromString(text.substring("customer|".length())));
            } catch (RuntimeException e) {
                throw new BookingException(ErrorCode.VALIDATION_FAILED, "cursor is not valid");
            }
        }
    }
}
