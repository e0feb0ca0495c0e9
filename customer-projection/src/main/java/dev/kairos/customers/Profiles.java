package dev.kairos.customers;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which customer ids of a business are one customer, and what their profile shows (ADR 0015).
 * <p>
 * Two customer ids are linked when they were booked with the same normalised email or the same phone number; a
 * profile is a group of linked ids (linked directly or through others) and its id is the smallest customer id of the
 * group, compared as text. Both are functions of the contacts alone, so they do not depend on the order events are
 * applied in, and a rebuild gives back the same profiles. The profile shows the name, email and phone of the newest
 * booking of any of its ids that still has them, and the newest preferences set for any of them.
 * <p>
 * Applying events of one business takes a transaction-scoped lock on it first, so that two segments or nodes never
 * work out the same group from each other's uncommitted rows.
 */
final class Profiles {
    /** Namespace of this projection's advisory locks. */
    private static final long LOCKS = 0x6375_7374_6f6d_6572L;
    private static final Comparator<UUID> AS_TEXT = Comparator.comparing(UUID::toString);

    /**
     * The name, email and phone of the profile's newest booking that has each. The erased name is written into the
     * statement, not bound: the planner then sees that nearly every booking passes the test and walks each id's
     * bookings newest first, stopping at the first.
     */
    private static final String NEWEST_DETAILS = "SELECT "
            + newestOfProfile("customer_name", "a.customer_name <> '" + CustomerDetails.ERASED_NAME.replace("'", "''") + "'") + ", "
            + newestOfProfile("customer_email", "a.customer_email IS NOT NULL") + ", "
            + newestOfProfile("customer_phone", "a.customer_phone IS NOT NULL");

    private final JdbcTemplate jdbc;

    Profiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the business's lock until the transaction ends. */
    void lock(BusinessId business) {
        long key = LOCKS ^ business.id().getMostSignificantBits() ^ business.id().getLeastSignificantBits();
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, key);
    }

    /**
     * The customer was booked with these details: their contacts link them to others. A returning customer booked
     * with contacts already known links no one new, so their group and its profile id stay as they are and only the
     * profile's row is written again (the newest booking's details).
     */
    void contacted(BusinessId business, CustomerId customer, CustomerDetails details) {
        int added = 0;
        for (String contact : contacts(details.email(), details.phone())) {
            added += jdbc.update("INSERT INTO customer_contact (business_id, contact, customer_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    business.id(), contact, customer.id());
        }
        if (added == 0) {
            List<UUID> profile = jdbc.queryForList("SELECT profile_id FROM customer_view WHERE customer_id = ?", UUID.class,
                    customer.id());
            if (!profile.isEmpty()) {
                write(business, profile.get(0));
                return;
            }
        }
        refresh(business, Set.of(customer.id()));
    }

    /** The customer's contacts as their bookings now show them (after an erasure redacted some), then their profile. */
    void recontact(BusinessId business, CustomerId customer) {
        jdbc.update("DELETE FROM customer_contact WHERE customer_id = ?", customer.id());
        jdbc.update("INSERT INTO customer_contact (business_id, contact, customer_id) "
                + "SELECT business_id, 'email:' || customer_email, customer_id FROM customer_appointment "
                + "WHERE customer_id = ? AND customer_email IS NOT NULL "
                + "UNION SELECT business_id, 'phone:' || customer_phone, customer_id FROM customer_appointment "
                + "WHERE customer_id = ? AND customer_phone IS NOT NULL ON CONFLICT DO NOTHING", customer.id(), customer.id());
        refresh(business, Set.of(customer.id()));
    }

    /**
     * Works out again the groups of {@code seeds} and of everyone who shared a profile with them (a group may have
     * split), then writes the profile of every group touched.
     */
    void refresh(BusinessId business, Set<UUID> seeds) {
        UUID[] seedArray = seeds.toArray(UUID[]::new);
        Set<UUID> todo = new LinkedHashSet<>(seeds);
        todo.addAll(jdbc.queryForList("SELECT customer_id FROM customer_view WHERE profile_id IN "
                + "(SELECT profile_id FROM customer_view WHERE customer_id = ANY(?))", UUID.class, (Object) seedArray));
        Set<UUID> touched = new TreeSet<>(AS_TEXT);
        while (!todo.isEmpty()) {
            UUID first = todo.iterator().next();
            List<UUID> group = jdbc.queryForList("WITH RECURSIVE linked(customer_id) AS (SELECT ?::uuid UNION "
                    + "SELECT o.customer_id FROM linked l JOIN customer_contact m ON m.customer_id = l.customer_id "
                    + "JOIN customer_contact o ON o.business_id = m.business_id AND o.contact = m.contact) "
                    + "SELECT customer_id FROM linked", UUID.class, first);
            UUID profile = group.stream().min(AS_TEXT).orElse(first);
            UUID[] members = group.toArray(UUID[]::new);
            touched.addAll(jdbc.queryForList("SELECT DISTINCT profile_id FROM customer_view WHERE customer_id = ANY(?)",
                    UUID.class, (Object) members));
            jdbc.update("UPDATE customer_view SET profile_id = ? WHERE customer_id = ANY(?) AND profile_id <> ?",
                    profile, members, profile);
            touched.add(profile);
            group.forEach(todo::remove);
        }
        touched.forEach(p -> write(business, p));
    }

    /** The profile's row as its ids' bookings and preferences show it; none when nothing personal is left. */
    private void write(BusinessId business, UUID profile) {
        List<String[]> newest = jdbc.query(NEWEST_DETAILS, (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)},
                profile, profile, profile);
        String[] details = newest.get(0);
        if (details[0] == null) {
            jdbc.update("DELETE FROM customer_profile WHERE profile_id = ?", profile);
            return;
        }
        List<String[]> preferences = jdbc.query("SELECT time_zone, language, channel FROM customer_view WHERE profile_id = ? "
                        + "AND preferences_set_at IS NOT NULL ORDER BY preferences_set_at DESC, customer_id::text LIMIT 1",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}, profile);
        String[] p = preferences.isEmpty() ? new String[3] : preferences.get(0);
        jdbc.update("INSERT INTO customer_profile (profile_id, business_id, name, email, phone, time_zone, language, channel) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET name = EXCLUDED.name, "
                        + "email = EXCLUDED.email, phone = EXCLUDED.phone, time_zone = EXCLUDED.time_zone, "
                        + "language = EXCLUDED.language, channel = EXCLUDED.channel",
                profile, business.id(), details[0], details[1], details[2], p[0], p[1], p[2]);
    }

    /**
     * A subquery: {@code column} of the newest booking (booked at, then appointment id) of any id of the profile (its
     * one parameter) that meets {@code condition}; each id's newest is one step along {@code customer_appointment_newest}.
     */
    private static String newestOfProfile(String column, String condition) {
        return "(SELECT n.value FROM customer_view v CROSS JOIN LATERAL (SELECT a." + column + " AS value, a.booked_at, "
                + "a.appointment_id FROM customer_appointment a WHERE a.customer_id = v.customer_id AND " + condition
                + " ORDER BY a.booked_at DESC, a.appointment_id DESC LIMIT 1) n WHERE v.profile_id = ? "
                + "ORDER BY n.booked_at DESC, n.appointment_id DESC LIMIT 1)";
    }

    private static List<String> contacts(String email, String phone) {
        List<String> contacts = new java.util.ArrayList<>(2);
        if (email != null) {
            contacts.add("email:" + email.trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (phone != null) {
            contacts.add("phone:" + phone.trim());
        }
        return contacts;
    }
}
