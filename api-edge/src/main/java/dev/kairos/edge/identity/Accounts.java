package dev.kairos.edge.identity;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.IdGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** User accounts and their memberships in businesses. */
@Component
public class Accounts {
    public record Account(UUID id, String email, String name, boolean platformAdmin) {
    }

    public record Membership(UUID userId, BusinessId business, Role role, StaffId staff, CustomerId customer) {
    }

    private static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(rs.getObject("user_id", UUID.class),
            rs.getString("email"), rs.getString("name"), rs.getBoolean("platform_admin"));
    private static final RowMapper<Membership> MEMBERSHIP = (rs, i) -> new Membership(rs.getObject("user_id", UUID.class),
            new BusinessId(rs.getObject("business_id", UUID.class)), Role.valueOf(rs.getString("role")),
            Optional.ofNullable(rs.getObject("staff_id", UUID.class)).map(StaffId::new).orElse(null),
            Optional.ofNullable(rs.getObject("customer_id", UUID.class)).map(CustomerId::new).orElse(null));

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final Clock clock;

    Accounts(JdbcTemplate jdbc, IdGenerator ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Emails are compared without regard to case. */
    public Optional<Account> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM app_user WHERE lower(email) = ?", ACCOUNT, normalised(email)).stream().findFirst();
    }

    public Optional<Account> byId(UUID userId) {
        return jdbc.query("SELECT * FROM app_user WHERE user_id = ?", ACCOUNT, userId).stream().findFirst();
    }

    /** The stored password hash, if the account has a password. */
    Optional<String> passwordHash(UUID userId) {
        return jdbc.queryForList("SELECT password_hash FROM app_user WHERE user_id = ?", String.class, userId).stream()
                .filter(h -> h != null).findFirst();
    }

    void replacePasswordHash(UUID userId, String hash) {
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE user_id = ?", hash, userId);
    }

    /** A new account with a password hash; an email already registered is a conflict. */
    Account create(String email, String name, String passwordHash, boolean platformAdmin) {
        BookingException.require(email != null && Emails.valid(email), ErrorCode.VALIDATION_FAILED, "a valid email address is required");
        BookingException.require(name != null && !name.isBlank() && name.length() <= 200, ErrorCode.VALIDATION_FAILED,
                "a name of 1 to 200 characters is required");
        UUID id = ids.next();
        try {
            jdbc.update("INSERT INTO app_user (user_id, email, name, password_hash, platform_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, email.trim(), name.trim(), passwordHash, platformAdmin, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new BookingException(ErrorCode.EMAIL_TAKEN, "an account with this email exists already");
        }
        return new Account(id, email.trim(), name.trim(), platformAdmin);
    }

    /** An account without a password, for people who sign in through their business's identity provider. */
    public Account createFederated(String email, String name) {
        return create(email, name == null || name.isBlank() ? email : name, null, false);
    }

    /** Grants {@code role} in {@code business}; granting a role the user has already changes nothing. */
    public void grant(UUID userId, BusinessId business, Role role, StaffId staff, CustomerId customer) {
        jdbc.update("INSERT INTO membership (user_id, business_id, role, staff_id, customer_id, granted_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, business_id, role) DO UPDATE SET staff_id = EXCLUDED.staff_id, customer_id = EXCLUDED.customer_id",
                userId, business.id(), role.name(), staff == null ? null : staff.id(), customer == null ? null : customer.id(),
                Timestamp.from(clock.instant()));
    }

    /** Takes every role in {@code business} from the user; answers whether there was any. */
    boolean revokeAll(UUID userId, BusinessId business) {
        return jdbc.update("DELETE FROM membership WHERE user_id = ? AND business_id = ?", userId, business.id()) > 0;
    }

    public List<Membership> memberships(UUID userId) {
        return jdbc.query("SELECT * FROM membership WHERE user_id = ? ORDER BY granted_at, business_id, role", MEMBERSHIP, userId);
    }

    List<Membership> membershipsIn(UUID userId, BusinessId business) {
        return jdbc.query("SELECT * FROM membership WHERE user_id = ? AND business_id = ? ORDER BY role", MEMBERSHIP,
                userId, business.id());
    }

    /** Members of a business with their roles, in the order they joined. */
    List<Membership> members(BusinessId business) {
        return jdbc.query("SELECT * FROM membership WHERE business_id = ? ORDER BY granted_at, user_id, role", MEMBERSHIP, business.id());
    }

    long owners(BusinessId business) {
        return jdbc.queryForObject("SELECT count(*) FROM membership WHERE business_id = ? AND role = 'OWNER'", Long.class, business.id());
    }

    /** An account acting for a customer in a business, with every role it holds there. */
    public record CustomerAccount(UUID userId, String email, String name, List<String> roles, java.time.Instant createdAt) {
    }

    /** The accounts of a business that act for one of these customers. */
    public List<CustomerAccount> ofCustomers(BusinessId business, List<UUID> customerIds) {
        return jdbc.query("SELECT u.user_id, u.email, u.name, u.created_at, "
                        + "(SELECT string_agg(m.role, ',' ORDER BY m.role) FROM membership m WHERE m.user_id = u.user_id AND m.business_id = ?) "
                        + "FROM app_user u WHERE u.user_id IN (SELECT user_id FROM membership WHERE business_id = ? AND customer_id = ANY(?)) "
                        + "ORDER BY u.created_at, u.user_id",
                (rs, i) -> new CustomerAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        java.util.Arrays.stream(rs.getString(5).split(",")).map(r -> Role.valueOf(r).claim()).toList(),
                        rs.getTimestamp(4).toInstant()),
                business.id(), business.id(), customerIds.toArray(UUID[]::new));
    }
}
