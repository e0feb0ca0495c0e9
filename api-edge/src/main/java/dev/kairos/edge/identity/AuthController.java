package dev.kairos.edge.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Zones;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.IdGenerator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing up, in and out. Registering a business makes its owner's account in the same transaction; customers may
 * open an account with a business to see and change their own appointments. Answers carry an OAuth 2.0 style token
 * pair: a short-lived bearer access token and a refresh token that is exchanged once.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private final Accounts accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AuthEvents events;
    private final LoginGuard guard;
    private final Commands commands;
    private final CommandLookups lookups;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;

    AuthController(Accounts accounts, Passwords passwords, Sessions sessions, AuthEvents events, LoginGuard guard,
                   Commands commands, CommandLookups lookups, TransactionTemplate transactions, IdGenerator ids) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.guard = guard;
        this.commands = commands;
        this.lookups = lookups;
        this.transactions = transactions;
        this.ids = ids;
    }

    record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken,
                       UUID businessId, UUID userId, List<String> roles) {
        static TokenAnswer of(Sessions.Tokens t, UUID userId) {
            return new TokenAnswer(t.accessToken(), t.tokenType(), t.expiresIn(), t.refreshToken(), t.businessId(), userId, t.roles());
        }
    }

    record Person(String name, String email, String password) {
    }

    record BusinessDetails(String name, String timeZone, String currency, Map<String, String> settings) {
    }

    record Registration(BusinessDetails business, Person owner) {
    }

    record CustomerRegistration(UUID businessId, String name, String email, String password) {
    }

    record Login(String email, String password, UUID businessId) {
    }

    record Refresh(String refreshToken) {
    }

    /** A business signs up: the business and its owner's account, then the owner is signed in. */
    @PostMapping("/register")
    ResponseEntity<TokenAnswer> register(@RequestBody Registration request, HttpServletRequest http) {
        BookingException.require(request.business() != null && request.owner() != null, ErrorCode.VALIDATION_FAILED,
                "business and owner are required");
        Person owner = request.owner();
        Passwords.requireAcceptable(owner.password(), owner.email());
        BusinessDetails b = request.business();
        BusinessProfile profile = new BusinessProfile(b.name(), Zones.require(b.timeZone()), b.currency(), b.settings());
        String hash = passwords.hash(owner.password());
        BusinessId business = new BusinessId(ids.next());
        Accounts.Account account = transactions.execute(status -> {
            Accounts.Account created = accounts.create(owner.email(), owner.name(), hash, false);
            commands.send(new RegisterBusiness(business, profile));
            accounts.grant(created.id(), business, Role.OWNER, null, null);
            events.record(business, created.id(), AuthenticationEventType.BUSINESS_REGISTERED, "owner " + created.email(), ip(http));
            return created;
        });
        Sessions.Tokens tokens = sessions.open(account.id(), business, "password", ip(http));
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + business.id())).body(TokenAnswer.of(tokens, account.id()));
    }

    /** A customer opens an account with a business; their appointments there are theirs to see and change. */
    @PostMapping("/customers/register")
    ResponseEntity<TokenAnswer> registerCustomer(@RequestBody CustomerRegistration request, HttpServletRequest http) {
        BookingException.require(request.businessId() != null, ErrorCode.VALIDATION_FAILED, "businessId is required");
        BusinessId business = new BusinessId(request.businessId());
        BookingException.require(lookups.businessActive(business).orElse(false), ErrorCode.BUSINESS_NOT_FOUND,
                "business not found: " + request.businessId());
        Passwords.requireAcceptable(request.password(), request.email());
        String hash = passwords.hash(request.password());
        Accounts.Account account = transactions.execute(status -> {
            Accounts.Account created = accounts.create(request.email(), request.name(), hash, false);
            accounts.grant(created.id(), business, Role.CUSTOMER, null, CustomerId.forContact(business, created.email(), null));
            events.record(business, created.id(), AuthenticationEventType.MEMBER_ADDED, "customer account", ip(http));
            return created;
        });
        Sessions.Tokens tokens = sessions.open(account.id(), business, "password", ip(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenAnswer.of(tokens, account.id()));
    }

    /**
     * Email and password for a token pair acting for {@code businessId}; without it, for the user's first business
     * (or, for a platform admin, for the platform). Wrong email or wrong password get the same answer.
     */
    @PostMapping("/login")
    ResponseEntity<TokenAnswer> login(@RequestBody Login request, HttpServletRequest http) {
        BookingException.require(request.email() != null && request.password() != null, ErrorCode.VALIDATION_FAILED,
                "email and password are required");
        String ip = ip(http);
        guard.check(request.email(), ip);
        Optional<Accounts.Account> account = accounts.byEmail(request.email());
        Optional<String> hash = account.flatMap(a -> accounts.passwordHash(a.id()));
        if (!passwords.matches(request.password(), hash.orElse(null))) {
            guard.failed(request.email(), ip);
            events.record(account.map(a -> firstBusiness(a.id())).orElse(null), account.map(Accounts.Account::id).orElse(null),
                    AuthenticationEventType.LOGIN_FAILED, "wrong email or password", ip);
            throw new BookingException(ErrorCode.INVALID_CREDENTIALS, "wrong email or password");
        }
        Accounts.Account user = account.orElseThrow();
        BusinessId business = chosenBusiness(user, request.businessId());
        if (passwords.outdated(hash.get())) {
            accounts.replacePasswordHash(user.id(), passwords.hash(request.password()));
        }
        guard.succeeded(request.email(), ip);
        Sessions.Tokens tokens = sessions.open(user.id(), business, "password", ip);
        events.record(business, user.id(), AuthenticationEventType.LOGIN_SUCCEEDED, null, ip);
        return ResponseEntity.ok(TokenAnswer.of(tokens, user.id()));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenAnswer> refresh(@RequestBody Refresh request, HttpServletRequest http) {
        BookingException.require(request.refreshToken() != null, ErrorCode.VALIDATION_FAILED, "refreshToken is required");
        Sessions.Tokens tokens = sessions.refresh(request.refreshToken(), ip(http));
        return ResponseEntity.ok(TokenAnswer.of(tokens, null));
    }

    /**
     * Ends the session of the refresh token in the body, or, with no body, of the bearer access token: its refresh
     * token no longer works and its access tokens are refused from now on.
     */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestBody(required = false) Refresh request, HttpServletRequest http) {
        UUID user = null;
        BusinessId business = null;
        if (request != null && request.refreshToken() != null) {
            user = sessions.logout(request.refreshToken());
        } else {
            Optional<Caller> caller = Caller.current();
            if (caller.isPresent() && caller.get().session() != null
                    && sessions.logoutSession(caller.get().session(), caller.get().subject())) {
                user = caller.get().subject();
                business = caller.get().business();
            }
        }
        if (user != null) {
            events.record(business, user, AuthenticationEventType.LOGGED_OUT, null, ip(http));
        }
        return ResponseEntity.noContent().build();
    }

    record Me(UUID userId, String email, String name, boolean platformAdmin, UUID businessId, List<String> roles,
              List<MembershipView> memberships) {
    }

    record MembershipView(UUID businessId, String role, UUID staffId, UUID customerId) {
    }

    /** Who the bearer token speaks for, and every business the user belongs to. */
    @GetMapping("/me")
    ResponseEntity<Me> me() {
        Caller caller = Caller.current().filter(c -> c.kind() == Caller.Kind.USER)
                .orElseThrow(() -> new BookingException(ErrorCode.AUTHENTICATION_REQUIRED, "sign in with a user's access token"));
        Accounts.Account account = accounts.byId(caller.subject())
                .orElseThrow(() -> new BookingException(ErrorCode.INVALID_TOKEN, "the account no longer exists"));
        return ResponseEntity.ok(new Me(account.id(), account.email(), account.name(), account.platformAdmin(),
                caller.business() == null ? null : caller.business().id(), caller.roles().stream().map(Role::claim).sorted().toList(),
                accounts.memberships(account.id()).stream().map(m -> new MembershipView(m.business().id(), m.role().claim(),
                        m.staff() == null ? null : m.staff().id(), m.customer() == null ? null : m.customer().id())).toList()));
    }

    private BusinessId chosenBusiness(Accounts.Account user, UUID requested) {
        List<Accounts.Membership> memberships = accounts.memberships(user.id());
        if (requested != null) {
            BusinessId business = new BusinessId(requested);
            BookingException.require(memberships.stream().anyMatch(m -> m.business().equals(business)), ErrorCode.INVALID_CREDENTIALS,
                    "the account has no role in that business");
            return business;
        }
        if (user.platformAdmin()) {
            return null;
        }
        return memberships.stream().findFirst().map(Accounts.Membership::business)
                .orElseThrow(() -> new BookingException(ErrorCode.INVALID_CREDENTIALS, "the account has no role in any business"));
    }

    private BusinessId firstBusiness(UUID userId) {
        return accounts.memberships(userId).stream().findFirst().map(Accounts.Membership::business).orElse(null);
    }

    static String ip(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
