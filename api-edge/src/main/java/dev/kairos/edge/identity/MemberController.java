package dev.kairos.edge.identity;

import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may act for a business, and as what. Owners and admins add members and change their roles; only an owner
 * makes another owner, and the last owner cannot be removed. A change of roles ends the member's sessions in the
 * business, so new tokens carry the new roles at once. Every change is an authentication event.
 */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/members")
class MemberController {
    private static final Set<Role> GRANTABLE = EnumSet.of(Role.OWNER, Role.ADMIN, Role.STAFF, Role.AUDITOR, Role.ANALYST, Role.INTEGRATOR);

    private final Accounts accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AuthEvents events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    MemberController(Accounts accounts, Passwords passwords, Sessions sessions, AuthEvents events, JdbcTemplate jdbc,
                     TransactionTemplate transactions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    record Member(UUID userId, String email, String name, List<String> roles, UUID staffId) {
    }

    /**
     * @param password the first password of a new account (the member changes it later); not needed when the email
     *                 has an account already or signs in through the business's identity provider
     */
    record NewMember(String email, String name, String password, List<String> roles, UUID staffId) {
    }

    record Roles(List<String> roles, UUID staffId) {
    }

    @GetMapping
    ResponseEntity<List<Member>> list(@PathVariable UUID businessId) {
        Map<UUID, List<Accounts.Membership>> byUser = new LinkedHashMap<>();
        accounts.members(new BusinessId(businessId)).forEach(m -> byUser.computeIfAbsent(m.userId(), u -> new java.util.ArrayList<>()).add(m));
        return ResponseEntity.ok(byUser.entrySet().stream().map(e -> member(e.getKey(), e.getValue())).toList());
    }

    @PostMapping
    ResponseEntity<Member> add(@PathVariable UUID businessId, @RequestBody NewMember request, HttpServletRequest http) {
        BusinessId business = new BusinessId(businessId);
        BookingException.require(request.email() != null, ErrorCode.VALIDATION_FAILED, "email is required");
        Set<Role> roles = roles(request.roles(), request.staffId(), business);
        UUID userId = transactions.execute(status -> {
            Accounts.Account account = accounts.byEmail(request.email()).orElseGet(() -> {
                if (request.password() != null) {
                    Passwords.requireAcceptable(request.password(), request.email());
                }
                return accounts.create(request.email(), request.name(), request.password() == null ? null : passwords.hash(request.password()), false);
            });
            BookingException.require(accounts.membershipsIn(account.id(), business).isEmpty(), ErrorCode.ALREADY_EXISTS,
                    "this person is a member already; change their roles instead");
            roles.forEach(role -> accounts.grant(account.id(), business, role, staffOf(role, request.staffId()), null));
            events.record(business, account.id(), AuthenticationEventType.MEMBER_ADDED, "roles " + claims(roles), AuthController.ip(http));
            return account.id();
        });
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + businessId + "/members/" + userId))
                .body(member(userId, accounts.membershipsIn(userId, business)));
    }

    @PutMapping("/{userId}/roles")
    ResponseEntity<Member> changeRoles(@PathVariable UUID businessId, @PathVariable UUID userId, @RequestBody Roles request,
                                       HttpServletRequest http) {
        BusinessId business = new BusinessId(businessId);
        Set<Role> roles = roles(request.roles(), request.staffId(), business);
        transactions.executeWithoutResult(status -> {
            List<Accounts.Membership> before = accounts.membershipsIn(userId, business);
            if (before.isEmpty() || before.stream().allMatch(m -> m.role() == Role.CUSTOMER)) {
                throw new BookingException(ErrorCode.MEMBER_NOT_FOUND, "member not found: " + userId);
            }
            Set<Role> had = EnumSet.noneOf(Role.class);
            before.forEach(m -> had.add(m.role()));
            requireOwnerFor(had, roles);
            accounts.revokeAll(userId, business);
            roles.forEach(role -> accounts.grant(userId, business, role, staffOf(role, request.staffId()), null));
            requireAnOwner(business);
            had.stream().filter(r -> !roles.contains(r)).forEach(r -> events.record(business, userId, AuthenticationEventType.ROLE_REVOKED,
                    r.claim(), AuthController.ip(http)));
            roles.stream().filter(r -> !had.contains(r)).forEach(r -> events.record(business, userId, AuthenticationEventType.ROLE_GRANTED,
                    r.claim(), AuthController.ip(http)));
            sessions.revokeAll(userId, business, "roles-changed");
        });
        return ResponseEntity.ok(member(userId, accounts.membershipsIn(userId, business)));
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(@PathVariable UUID businessId, @PathVariable UUID userId, HttpServletRequest http) {
        BusinessId business = new BusinessId(businessId);
        transactions.executeWithoutResult(status -> {
            List<Accounts.Membership> before = accounts.membershipsIn(userId, business);
            if (before.isEmpty()) {
                throw new BookingException(ErrorCode.MEMBER_NOT_FOUND, "member not found: " + userId);
            }
            Set<Role> had = EnumSet.noneOf(Role.class);
            before.forEach(m -> had.add(m.role()));
            requireOwnerFor(had, Set.of());
            accounts.revokeAll(userId, business);
            requireAnOwner(business);
            had.forEach(r -> events.record(business, userId, AuthenticationEventType.ROLE_REVOKED, r.claim(), AuthController.ip(http)));
            sessions.revokeAll(userId, business, "removed");
        });
        return ResponseEntity.noContent().build();
    }

    private Set<Role> roles(List<String> claimed, UUID staffId, BusinessId business) {
        BookingException.require(claimed != null && !claimed.isEmpty(), ErrorCode.INVALID_ROLE, "at least one role is required");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : claimed) {
            Role role = Role.ofClaim(claim).filter(GRANTABLE::contains).orElseThrow(() -> new BookingException(ErrorCode.INVALID_ROLE,
                    "roles a member may have: owner, admin, staff, auditor, analyst, integrator; not " + claim));
            roles.add(role);
        }
        if (roles.contains(Role.STAFF)) {
            BookingException.require(staffId != null, ErrorCode.VALIDATION_FAILED, "the staff role needs the staffId it acts for");
            BookingException.require(jdbc.queryForObject("SELECT count(*) FROM cmd_staff WHERE staff_id = ? AND business_id = ?",
                            Long.class, staffId, business.id()) > 0,
                    ErrorCode.STAFF_NOT_FOUND, "staff not found: " + staffId);
        }
        requireOwnerFor(EnumSet.noneOf(Role.class), roles);
        return roles;
    }

    /** Only an owner (or a platform admin) makes or unmakes an owner. */
    private static void requireOwnerFor(Set<Role> before, Set<Role> after) {
        boolean ownerChanges = before.contains(Role.OWNER) != after.contains(Role.OWNER);
        Caller caller = Caller.current().orElseThrow();
        if (ownerChanges && !caller.has(Role.OWNER) && !caller.isPlatformAdmin()) {
            throw new BookingException(ErrorCode.ACCESS_DENIED, "only an owner grants or takes the owner role");
        }
    }

    private void requireAnOwner(BusinessId business) {
        BookingException.require(accounts.owners(business) > 0, ErrorCode.LAST_OWNER, "a business keeps at least one owner");
    }

    private static StaffId staffOf(Role role, UUID staffId) {
        return role == Role.STAFF ? new StaffId(staffId) : null;
    }

    private static String claims(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::claim).toList());
    }

    private Member member(UUID userId, List<Accounts.Membership> memberships) {
        Accounts.Account account = accounts.byId(userId).orElseThrow();
        return new Member(userId, account.email(), account.name(), memberships.stream().map(m -> m.role().claim()).toList(),
                memberships.stream().map(Accounts.Membership::staff).filter(java.util.Objects::nonNull).map(StaffId::id).findFirst().orElse(null));
    }
}
