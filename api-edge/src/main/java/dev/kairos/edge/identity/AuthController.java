package dev.kairos.edge.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.edge.manage.ManageLinks;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Zones;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
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
import java.time.Clock;
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
    private final ManageLinks links;
    private final ScheduleQueries queries;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;

    AuthController(Accounts accounts, Passwords passwords, Sessions sessions, AuthEvents events, LoginGuard guard,
                   Commands commands, ManageLinks links, ScheduleQueries queries, TransactionTemplate transactions,
                   IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.guard = guard;
        this.commands = commands;
        this.links = links;
        this.queries = queries;
        this.clock = clock;
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

    /**
     * @param manageToken the signed manage link of one of the customer's bookings: it was sent to the customer, so
     *                    holding it shows the account is theirs; email and customer come from that booking
     * @param name        how to address them; the booking's name when absent
     */
    record CustomerRegistration(String manageToken, String name, String password) {
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
        CommandOutcome[] registered = new CommandOutcome[1];
        Accounts.Account account = transactions.execute(status -> {
            Accounts.Account created = accounts.create(owner.email(), owner.name(), hash, false);
            registered[0] = commands.send(new RegisterBusiness(business, profile));
            accounts.grant(created.id(), business, Role.OWNER, null, null);
            events.record(business, created.id(), AuthenticationEventType.BUSINESS_REGISTERED, "owner account", ip(http));
            return created;
        });
        Sessions.Tokens tokens = sessions.open(account.id(), business, "password", ip(http));
        // the consistency token lets the owner read the new business at once (read your writes)
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + business.id()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(registered[0]))
                .body(TokenAnswer.of(tokens, account.id()));
    }

    /**
     * A customer opens an account with a business from one of their bookings' manage links; their appointments there
     * are then theirs to see and change. Only someone who received the link can open the account, so no one takes
     * over the bookings of an email address that is not theirs.
     */
    @PostMapping("/customers/register")
    ResponseEntity<TokenAnswer> registerCustomer(@RequestBody CustomerRegistration request, HttpServletRequest http) {
        BookingException.require(request.manageToken() != null && !request.manageToken().isBlank(), ErrorCode.VALIDATION_FAILED,
                "a customer account is opened with the manageToken of one of the customer's bookings");
        ManageLinks.Claims link = links.verify(request.manageToken(), ManageLinks.MANAGE_BOOKING, clock.instant());
        BusinessId business = link.businessId();
        AppointmentView booking = queries.appointment(business, link.appointmentId()).orElseThrow(() -> new BookingException(
                ErrorCode.APPOINTMENT_NOT_FOUND, "the booking is not known yet; try again in a moment"));
        String email = booking.customer() == null ? null : booking.customer().email();
        BookingException.require(email != null && !email.isBlank(), ErrorCode.VALIDATION_FAILED,
                "the booking has no email address to sign in with");
        Passwords.requireAcceptable(request.password(), email);
        String hash = passwords.hash(request.password());
        String name = request.name() == null || request.name().isBlank() ? booking.customer().name() : request.name();
        Accounts.Account account = transactions.execute(status -> {
            Accounts.Account created = accounts.create(email, name, hash, false);
            accounts.grant(created.id(), business, Role.CUSTOMER, null, new CustomerId(booking.customerId()));
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
