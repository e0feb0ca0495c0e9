package dev.kairos.edge.access;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Whether a resource is the caller's own: a staff member's calendar and what is on it, a customer's appointments and
 * customer record. Decided from the command side's lookups, which know a booking as soon as it is made. A resource
 * that is not the caller's is answered as not found.
 */
@Component
public class Ownership {
    private final JdbcTemplate jdbc;

    Ownership(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void requireOwn(Caller caller, BusinessId business, Map<String, String> variables) {
        check(variables.get("staffId"), ErrorCode.STAFF_NOT_FOUND, id -> caller.staff() != null && caller.staff().id().equals(id));
        check(variables.get("customerId"), ErrorCode.CUSTOMER_NOT_FOUND,
                id -> caller.customer() != null && caller.customer().id().equals(id));
        check(variables.get("appointmentId"), ErrorCode.APPOINTMENT_NOT_FOUND, id -> owns(caller, business,
                "SELECT staff_id, customer_id FROM cmd_appointment WHERE appointment_id = ? AND business_id = ?", id));
        check(variables.get("holdId"), ErrorCode.HOLD_NOT_FOUND, id -> owns(caller, business,
                "SELECT staff_id, NULL::uuid FROM cmd_hold WHERE hold_id = ? AND business_id = ?", id));
        check(variables.get("seriesId"), ErrorCode.SERIES_NOT_FOUND, id -> owns(caller, business,
                "SELECT staff_id, NULL::uuid FROM cmd_series WHERE series_id = ? AND business_id = ?", id));
    }

    /**
     * For requests that name a staff member or a customer in their body or parameters: a caller who reaches only their
     * own (see {@link AccessRules#ownOnly}) must name themselves: a staff member their own calendar, a customer
     * themselves (the email of their account). Others pass.
     */
    public static void requireOwn(StaffId staff, CustomerId customer) {
        HttpServletRequest request = currentRequest();
        if (request == null || !AccessRules.ownOnly(request)) {
            return;
        }
        Caller caller = Caller.current().orElseThrow();
        boolean ownStaff = caller.has(Role.STAFF) && caller.staff() != null && caller.staff().equals(staff);
        boolean ownCustomer = caller.has(Role.CUSTOMER) && caller.customer() != null && caller.customer().equals(customer);
        if (!ownStaff && !ownCustomer) {
            throw new BookingException(ErrorCode.ACCESS_DENIED, caller.has(Role.STAFF)
                    ? "a staff member acts on their own calendar only" : "a customer acts for themselves only, with their account's email");
        }
    }

    /** The staff member a caller who reaches only their own calendar is limited to; {@code null} for everyone else. */
    public static StaffId ownStaffOnly() {
        HttpServletRequest request = currentRequest();
        if (request == null || !AccessRules.ownOnly(request)) {
            return null;
        }
        return Caller.current().map(Caller::staff).orElseThrow(() ->
                new BookingException(ErrorCode.ACCESS_DENIED, "only a staff member's own calendar"));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    private boolean owns(Caller caller, BusinessId business, String sql, UUID id) {
        List<UUID[]> found = jdbc.query(sql, (rs, i) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)},
                id, business.id());
        if (found.isEmpty()) {
            return false;
        }
        UUID staff = found.get(0)[0];
        UUID customer = found.get(0)[1];
        return (caller.has(Role.STAFF) && caller.staff() != null && Objects.equals(caller.staff().id(), staff))
                || (caller.has(Role.CUSTOMER) && caller.customer() != null && Objects.equals(caller.customer().id(), customer));
    }

    private interface Test {
        boolean ownedBy(UUID id);
    }

    private static void check(String value, ErrorCode notFound, Test test) {
        if (value == null) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BookingException(notFound, "not found: " + value);
        }
        if (!test.ownedBy(id)) {
            throw new BookingException(notFound, "not found: " + value);
        }
    }
}
