package dev.kairos.edge.customers;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.availability.Views.WaitlistEntryView;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Zones;
import dev.kairos.booking.customer.ContactChannel;
import dev.kairos.booking.customer.EraseCustomer;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.booking.customer.SetCustomerPreferences;
import dev.kairos.customers.CustomerQueries;
import dev.kairos.customers.CustomerQueries.CustomerSummary;
import dev.kairos.customers.CustomerQueries.CustomerView;
import dev.kairos.customers.CustomerQueries.Linked;
import dev.kairos.customers.CustomerQueries.Page;
import dev.kairos.edge.access.ActingFor;
import dev.kairos.edge.identity.AccessLog;
import dev.kairos.edge.identity.Accounts;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.Reads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Customers of a business: search, one profile, preferences, everything held about them (export) and erasure.
 * A customer id names the profile it is linked into (ADR 0015); an erased customer is not found.
 */
@RestController
class CustomerController {
    static final int MAX_PAGE = 200;
    /** At most this many appointments, waitlist entries, sign-in events and stored events go into one export. */
    static final int EXPORT_LIMIT = 10_000;

    private final CustomerQueries customers;
    private final ScheduleQueries schedule;
    private final Accounts accounts;
    private final CustomerEvents events;
    private final AccessLog accessLog;
    private final Commands commands;
    private final Reads reads;
    private final Clock clock;

    CustomerController(CustomerQueries customers, ScheduleQueries schedule, Accounts accounts, CustomerEvents events,
                       AccessLog accessLog, Commands commands, Reads reads, Clock clock) {
        this.customers = customers;
        this.schedule = schedule;
        this.accounts = accounts;
        this.events = events;
        this.accessLog = accessLog;
        this.commands = commands;
        this.reads = reads;
        this.clock = clock;
    }

    /** Customers by a fragment of their name, their whole email (any case) or the start of their phone number. */
    @GetMapping("/api/v1/customers")
    ResponseEntity<Page<CustomerSummary>> search(@ActingFor UUID businessId,
                                                 @RequestParam(required = false) String name,
                                                 @RequestParam(required = false) String email,
                                                 @RequestParam(required = false) String phone,
                                                 @RequestParam(required = false) String cursor,
                                                 @RequestParam(defaultValue = "50") int limit,
                                                 @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        BookingException.require(limit >= 1 && limit <= MAX_PAGE, ErrorCode.INVALID_VALUE, "limit must be between 1 and " + MAX_PAGE);
        BookingException.require(name == null || name.length() <= 200, ErrorCode.INVALID_VALUE, "name must have at most 200 characters");
        BookingException.require(email == null || email.length() <= 254, ErrorCode.INVALID_VALUE, "email must have at most 254 characters");
        BookingException.require(phone == null || phone.length() <= 16, ErrorCode.INVALID_VALUE, "phone must have at most 16 characters");
        return reads.any(token, () -> customers.search(new BusinessId(businessId), name, email, phone, cursor, limit));
    }

    @GetMapping("/api/v1/customers/{customerId}")
    ResponseEntity<CustomerView> get(@PathVariable UUID customerId, @ActingFor UUID businessId,
                                     @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> customers.customer(new BusinessId(businessId), new CustomerId(customerId))
                .orElseThrow(() -> notFound(customerId)));
    }

    /** A field left out (or null) stays as it is. */
    record PreferencesRequest(String timeZone, String language, String channel) {
    }

    record PreferencesSet(UUID id, String timeZone, String language, String channel, long revision) {
    }

    /**
     * Sets the preferences of the customer named in the path. A channel must be one the customer can be reached on:
     * SMS needs a phone number, EMAIL an email address known for their profile.
     */
    @PutMapping("/api/v1/customers/{customerId}/preferences")
    ResponseEntity<PreferencesSet> preferences(@PathVariable UUID customerId, @ActingFor UUID businessId,
                                               @RequestBody PreferencesRequest request) {
        BusinessId business = new BusinessId(businessId);
        CustomerView customer = customers.customer(business, new CustomerId(customerId))
                .orElseThrow(() -> notFound(customerId));
        ZoneId zone = request.timeZone() == null ? null : Zones.require(request.timeZone());
        ContactChannel channel = request.channel() == null ? null : channel(request.channel());
        BookingException.require(channel != ContactChannel.SMS || customer.phone() != null, ErrorCode.VALIDATION_FAILED,
                "no phone number is known for this customer: SMS cannot reach them");
        BookingException.require(channel != ContactChannel.EMAIL || customer.email() != null, ErrorCode.VALIDATION_FAILED,
                "no email address is known for this customer: EMAIL cannot reach them");
        CommandOutcome outcome = commands.send(new SetCustomerPreferences(new CustomerId(customerId), business, zone,
                request.language(), channel));
        CustomerQueries.Preferences now = merged(customer.preferences(), zone, request.language(), channel);
        return ResponseEntity.ok()
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new PreferencesSet(customerId, now.timeZone(), now.language(), now.channel(), outcome.revision()));
    }

    /**
     * Everything the engine holds about one customer, for them to take away (GDPR art. 15 and 20): the profile, the
     * appointments and waitlist entries, the customer accounts with their authentication events (client addresses
     * included), and the stored events that name the customer, as they read with the customer's key. {@code complete}
     * is false when a list reached {@link #EXPORT_LIMIT} and was cut there.
     */
    record Export(Instant exportedAt, UUID businessId, boolean complete, CustomerView profile,
                  List<AppointmentView> appointments, List<WaitlistEntryView> waitlistEntries,
                  List<Accounts.CustomerAccount> accounts, List<AccessLog.Entry> signIns,
                  List<CustomerEvents.StoredEvent> events) {
    }

    @GetMapping("/api/v1/customers/{customerId}/export")
    ResponseEntity<Export> export(@PathVariable UUID customerId, @ActingFor UUID businessId,
                                  @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        BusinessId business = new BusinessId(businessId);
        CustomerView profile = reads.any(token, () -> customers.customer(business, new CustomerId(customerId))
                .orElseThrow(() -> notFound(customerId))).getBody();
        List<UUID> ids = profile.customerIds();
        List<AppointmentView> appointments = schedule.appointmentsOf(business, ids, EXPORT_LIMIT);
        List<WaitlistEntryView> waitlist = schedule.waitlistOf(business, ids, EXPORT_LIMIT);
        List<Accounts.CustomerAccount> customerAccounts = accounts.ofCustomers(business, ids);
        List<AccessLog.Entry> signIns = accessLog.ofUsers(businessId,
                customerAccounts.stream().map(Accounts.CustomerAccount::userId).toList(), EXPORT_LIMIT);
        List<CustomerEvents.StoredEvent> stored = events.concerning(business, ids, EXPORT_LIMIT);
        boolean complete = Stream.of(appointments, waitlist, signIns, stored)
                .allMatch(list -> list.size() < EXPORT_LIMIT);
        Export export = new Export(clock.instant(), businessId, complete, profile, appointments, waitlist,
                customerAccounts, signIns, stored);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("customer-" + profile.id() + ".json").build().toString())
                .body(export);
    }

    record ErasureAccepted(UUID id, List<UUID> customerIds, String reason) {
    }

    /**
     * Erases the customer's personal data: every customer id of their profile is erased (its key destroyed, every
     * read model forgets it). Answers 202 with a consistency token for each id; reading with them shows the erasure.
     */
    @PostMapping("/api/v1/customers/{customerId}/erase")
    ResponseEntity<ErasureAccepted> erase(@PathVariable UUID customerId, @ActingFor UUID businessId) {
        BusinessId business = new BusinessId(businessId);
        Linked linked = customers.linked(business, new CustomerId(customerId)).orElseThrow(() -> notFound(customerId));
        List<String> tokens = new ArrayList<>();
        for (UUID id : linked.customerIds()) {
            CommandOutcome outcome = commands.send(new EraseCustomer(new CustomerId(id), business, ErasureReason.REQUESTED));
            if (tokens.size() < 20) {
                tokens.add(ConsistencyTokens.tokenOf(outcome));
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(ConsistencyTokens.HEADER, String.join(",", tokens))
                .body(new ErasureAccepted(linked.profileId(), linked.customerIds(), ErasureReason.REQUESTED.name()));
    }

    private static ContactChannel channel(String value) {
        try {
            return ContactChannel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "channel must be one of EMAIL, SMS, NONE");
        }
    }

    private static CustomerQueries.Preferences merged(CustomerQueries.Preferences known, ZoneId zone, String language,
                                                      ContactChannel channel) {
        return new CustomerQueries.Preferences(zone != null ? zone.getId() : known.timeZone(),
                language != null ? Locale.forLanguageTag(language.trim()).toLanguageTag() : known.language(),
                channel != null ? channel.name() : known.channel());
    }

    private static BookingException notFound(UUID customerId) {
        return new BookingException(ErrorCode.CUSTOMER_NOT_FOUND, "customer not found: " + customerId);
    }
}
