package dev.kairos.edge.access;

import org.awaitility.Awaitility;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.sso.MockProvider;
import no.nav.security.mock.oauth2.MockOAuth2Server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business with one of everything, built through the API, and a signed-in user for every role: an owner (who
 * registered it), an admin, a staff member acting for staff member A, an auditor, an analyst, an integrator and a
 * customer with an account. Staff member B and another customer own the "someone else's" resources. The business
 * and its staff keep UTC; single bookings take the 30-minute slots of December 2026, series the days of early
 * January 2027, so that nothing a test books collides with anything else. The business signs its people in through an
 * OpenID Connect provider (one mock-oauth2-server for every business, an issuer each) and a SAML identity provider;
 * engines that build tenants let identity providers live on loopback ({@link dev.kairos.edge.sso.LoopbackProviders}).
 */
final class Tenant {
    static final String PASSWORD = "matrix passphrase 2026";
    private static final List<Role> MEMBER_ROLES = List.of(Role.ADMIN, Role.STAFF, Role.AUDITOR, Role.ANALYST, Role.INTEGRATOR);
    private static final LocalDate SINGLES = LocalDate.parse("2026-12-02");
    private static final LocalDate SERIES = LocalDate.parse("2027-01-01");

    final Api admin;
    final String label;
    final UUID businessId;
    final String businessName;
    UUID service;
    UUID spareService;
    /** A group class at {@link EngineTest#NOW}: appointments that have started, to complete or mark no-show. */
    UUID classService;
    UUID staffA;
    UUID staffB;
    UUID spareStaff;
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Role, String> emails = new EnumMap<>(Role.class);
    final Map<Role, UUID> users = new EnumMap<>(Role.class);
    String customerEmail;
    String otherCustomerEmail;
    UUID customerId;
    UUID otherCustomerId;
    UUID appointmentA;
    UUID appointmentB;
    String manageToken;
    UUID holdA;
    UUID holdB;
    UUID seriesA;
    UUID seriesB;
    UUID waitlistEntry;
    UUID holiday;
    UUID timeOffA;
    UUID timeOffB;
    /** An API key of the business. */
    UUID keyId;
    /** A webhook subscription of the business (to a public address that never answers), and one of its deliveries. */
    UUID webhookId;
    UUID deliveryId;
    /** The business's OpenID Connect client at its provider. */
    final String oidcClient;
    /** The entity id of the business's SAML identity provider. */
    final String samlIdp;
    /** Every id, name and email of the business that another business must never see. */
    final List<String> secrets = new ArrayList<>();

    private final Map<UUID, AtomicInteger> singles = new HashMap<>();
    private final Map<UUID, AtomicInteger> series = new HashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<Set<Scope>, String> apiKeys = new HashMap<>();

    private Tenant(Api admin, String label, UUID businessId, String businessName) {
        this.admin = admin;
        this.label = label;
        this.businessId = businessId;
        this.businessName = businessName;
        this.oidcClient = "kairos-" + label;
        this.samlIdp = "https://idp." + label + ".test/realms/" + label;
    }

    /** Registers the business with its owner, then builds its fixtures as the platform admin. */
    static Tenant create(Api platformAdmin, String label) {
        String name = label + " Studio";
        String ownerEmail = "owner@" + label + ".test";
        Api.Response registered = platformAdmin.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"UTC","currency":"EUR"},"owner":{"name":"%s Owner","email":"%s","password":"%s"}}
                """.formatted(name, label, ownerEmail, PASSWORD));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        Tenant t = new Tenant(platformAdmin, label, UUID.fromString(registered.text("businessId")), name);
        t.tokens.put(Role.OWNER, registered.text("access_token"));
        t.emails.put(Role.OWNER, ownerEmail);
        t.users.put(Role.OWNER, UUID.fromString(registered.text("userId")));
        t.build();
        return t;
    }

    private void build() {
        awaitBusiness();
        service = service(label + " Cut");
        spareService = service(label + " Colour");
        classService = service(label + " Class", 400);
        staffA = staff(label + " Anna");
        staffB = staff(label + " Bruno");
        spareStaff = staff(label + " Carla");
        for (Role role : MEMBER_ROLES) {
            String email = role.claim() + "@" + label + ".test";
            Api.Response added = admin.post(business("/members"), """
                    {"email":"%s","name":"%s %s","password":"%s","roles":["%s"]%s}
                    """.formatted(email, label, role.claim(), PASSWORD, role.claim(),
                    role == Role.STAFF ? ",\"staffId\":\"" + staffA + "\"" : ""));
            assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
            emails.put(role, email);
            users.put(role, UUID.fromString(added.text("userId")));
            tokens.put(role, login(email));
        }
        customerEmail = "customer@" + label + ".test";
        otherCustomerEmail = "other.customer@" + label + ".test";
        Api.Response customer = admin.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","name":"%s Customer","password":"%s"}
                """.formatted(seenManageToken(customerEmail), label, PASSWORD));
        assertThat(customer.status()).as(customer.raw().body()).isEqualTo(201);
        tokens.put(Role.CUSTOMER, customer.text("access_token"));
        emails.put(Role.CUSTOMER, customerEmail);
        users.put(Role.CUSTOMER, UUID.fromString(customer.text("userId")));
        Api.Response me = admin.as(tokens.get(Role.CUSTOMER)).get("/api/v1/auth/me");
        customerId = UUID.fromString(me.json().path("memberships").get(0).path("customerId").asString());

        Api.Response a = book(staffA, customerEmail);
        appointmentA = UUID.fromString(a.text("id"));
        manageToken = a.json().path("manage").path("token").asString();
        Api.Response b = book(staffB, otherCustomerEmail);
        appointmentB = UUID.fromString(b.text("id"));
        otherCustomerId = UUID.fromString(b.text("customerId"));
        assertThat(UUID.fromString(a.text("customerId"))).isEqualTo(customerId);
        seen("/api/v1/appointments/" + appointmentA, a);
        seen("/api/v1/appointments/" + appointmentB, b);
        holdA = hold(staffA);
        holdB = hold(staffB);
        seriesA = series(staffA);
        seriesB = series(staffB);
        waitlistEntry = waitlistEntry();
        holiday = holiday(LocalDate.parse("2027-02-15"));
        timeOffA = timeOff(staffA);
        timeOffB = timeOff(staffB);
        keyId = apiKey();
        webhookId = webhook();
        deliveryId = delivery(webhookId);
        singleSignOn();
        seen(business("/staff/" + staffB + "/time-off"), null);
        seen("/api/v1/customers/" + customerId, null);
        seen("/api/v1/customers/" + otherCustomerId, null);

        for (UUID id : List.of(businessId, keyId, webhookId, deliveryId, classService, service, spareService, staffA, staffB, spareStaff, customerId, otherCustomerId,
                appointmentA, appointmentB, holdA, holdB, seriesA, seriesB, waitlistEntry, holiday, timeOffA, timeOffB)) {
            secrets.add(id.toString());
        }
        users.values().forEach(u -> secrets.add(u.toString()));
        secrets.addAll(emails.values());
        secrets.addAll(List.of(otherCustomerEmail, businessName, label + " Anna", label + " Bruno", label + " Carla",
                label + " Customer", label + " Owner", label + " Cut", manageToken, oidcClient, oidcIssuer(), samlIdp));
    }

    /** A new customer with an account stands in for the customer role (after the previous one erased themselves). */
    void newCustomerAccount() {
        String email = "customer." + next() + "@" + label + ".test";
        Api.Response customer = admin.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","name":"%s Customer","password":"%s"}
                """.formatted(seenManageToken(email), label, PASSWORD));
        assertThat(customer.status()).as(customer.raw().body()).isEqualTo(201);
        tokens.put(Role.CUSTOMER, customer.text("access_token"));
        emails.put(Role.CUSTOMER, email);
        users.put(Role.CUSTOMER, UUID.fromString(customer.text("userId")));
        customerEmail = email;
        Api.Response me = admin.as(tokens.get(Role.CUSTOMER)).get("/api/v1/auth/me");
        customerId = UUID.fromString(me.json().path("memberships").get(0).path("customerId").asString());
    }

    String login(String email) {
        Api.Response login = admin.login(email, PASSWORD, businessId);
        assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
        return login.text("access_token");
    }

    String business(String rest) {
        return "/api/v1/businesses/" + businessId + rest;
    }

    /** A number not used before in this business: for unique emails, dates and names. */
    int next() {
        return counter.incrementAndGet();
    }

    UUID staff(Target target) {
        return target == Target.OWN ? staffA : staffB;
    }

    String customerEmail(Target target) {
        return target == Target.OWN ? customerEmail : otherCustomerEmail;
    }

    /** The next free single slot of a staff member, as an instant in UTC. */
    String nextSlot(UUID staff) {
        int i = singles.computeIfAbsent(staff, s -> new AtomicInteger()).getAndIncrement();
        LocalDateTime start = SINGLES.plusDays(i / 24).atTime(LocalTime.of(8, 0).plusMinutes(30L * (i % 24)));
        assertThat(start.toLocalDate()).isBefore(LocalDate.parse("2027-01-01"));
        return start + ":00Z";
    }

    /**
     * The start (local, UTC) of a two-day series of a staff member, on days no other series uses at that time; the
     * same time plus six hours is free on both days to reschedule to.
     */
    LocalDateTime nextSeriesStart(UUID staff) {
        int i = series.computeIfAbsent(staff, s -> new AtomicInteger()).getAndIncrement();
        LocalDateTime start = SERIES.plusDays(2L * (i / 12)).atTime(LocalTime.of(8, 0).plusMinutes(30L * (i % 12)));
        assertThat(start.toLocalDate()).isBefore(LocalDate.parse("2027-01-20"));
        return start;
    }

    Api.Response book(UUID staff, String customerEmail) {
        Api.Response r = admin.post(business("/appointments"), bookingBody(staff, nextSlot(staff), customerEmail));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    /** The manage link of a new booking for {@code customerEmail}, once the read model knows the booking. */
    String seenManageToken(String customerEmail) {
        Api.Response booked = book(staffA, customerEmail);
        Api.Response seen = admin.get("/api/v1/appointments/" + booked.text("id"), "X-Business-Id", businessId.toString(),
                "Consistency-Token", booked.header("Consistency-Token").orElseThrow());
        assertThat(seen.status()).as(seen.raw().body()).isEqualTo(200);
        return booked.json().path("manage").path("token").asString();
    }

    String bookingBody(UUID staff, String start, String customerEmail) {
        return """
                {"serviceId":"%s","staffId":"%s","start":"%s","customer":{"name":"%s","email":"%s"}}
                """.formatted(service, staff, start, customerEmail.equals(this.customerEmail) ? label + " Customer" : label + " Guest",
                customerEmail);
    }

    UUID appointment(Target target) {
        return book(staff(target), customerEmail(target)).json().path("id").asString().transform(UUID::fromString);
    }

    /**
     * A fresh appointment that has started (a seat of the class at {@link EngineTest#NOW}) and that the
     * business has confirmed: ready to be completed or marked a no-show.
     */
    UUID startedAppointment(Target target) {
        Api.Response booked = admin.post(business("/appointments"), """
                {"serviceId":"%s","staffId":"%s","start":"%s","customer":{"name":"%s Pupil","email":"pupil.%d@%s.test"}}
                """.formatted(classService, staff(target), EngineTest.NOW, label, next(), label));
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(booked.text("id"));
        Api.Response confirmed = admin.post("/api/v1/appointments/" + id + "/confirm", null, "X-Business-Id", businessId.toString());
        assertThat(confirmed.status()).as(confirmed.raw().body()).isEqualTo(200);
        return id;
    }

    /**
     * A waitlist entry with an open offer: someone waits for one slot of staff member A that is taken, the booking in
     * it is cancelled, and the slot is offered to them.
     */
    UUID offeredEntry() {
        String start = nextSlot(staffA);
        Api.Response taken = admin.post(business("/appointments"), bookingBody(staffA, start, otherCustomerEmail));
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(201);
        String end = OffsetDateTime.parse(start).plusMinutes(30).toInstant().toString();
        Api.Response joined = admin.post(business("/waitlist"), """
                {"serviceId":"%s","staffId":"%s","from":"%s","to":"%s","customer":{"name":"%s Waiting","email":"waiting.%d@%s.test"}}
                """.formatted(service, staffA, start, end, label, next(), label));
        assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
        UUID entry = UUID.fromString(joined.text("id"));
        Api.Response cancelled = admin.post("/api/v1/appointments/" + taken.text("id") + "/cancel", "{}",
                "X-Business-Id", businessId.toString());
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        Awaitility.await("the freed slot offered to " + entry).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.get("/api/v1/waitlist/" + entry, "X-Business-Id", businessId.toString()).text("state").equals("OFFERED"));
        return entry;
    }

    String holdBody(UUID staff) {
        return """
                {"staffId":"%s","serviceId":"%s","start":"%s"}""".formatted(staff, service, nextSlot(staff));
    }

    UUID hold(UUID staff) {
        UUID id = freshHold(staff);
        seen("/api/v1/holds/" + id, null);
        return id;
    }

    /** A hold the command side knows, not yet waited for on the read side. */
    UUID freshHold(UUID staff) {
        Api.Response r = admin.post(business("/holds"), holdBody(staff));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    String seriesBody(UUID staff, LocalDateTime start) {
        return """
                {"staffId":"%s","serviceId":"%s","rule":"FREQ=DAILY;COUNT=2","start":"%s","mode":"ALL_OR_NOTHING",
                 "customer":{"name":"%s Guest","email":"%s"}}
                """.formatted(staff, service, start, label, otherCustomerEmail);
    }

    UUID series(UUID staff) {
        UUID id = series(staff, nextSeriesStart(staff));
        seen("/api/v1/series/" + id, null);
        return id;
    }

    UUID series(UUID staff, LocalDateTime start) {
        Api.Response r = admin.post(business("/series"), seriesBody(staff, start));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    String waitlistBody() {
        return """
                {"serviceId":"%s","from":"2026-12-20T00:00:00Z","to":"2026-12-21T00:00:00Z",
                 "customer":{"name":"%s Waiting","email":"waiting.%d@%s.test"}}
                """.formatted(service, label, next(), label);
    }

    UUID waitlistEntry() {
        UUID id = freshWaitlistEntry();
        seen("/api/v1/waitlist/" + id, null);
        return id;
    }

    UUID freshWaitlistEntry() {
        Api.Response r = admin.post(business("/waitlist"), waitlistBody());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    UUID holiday(LocalDate date) {
        Api.Response r = admin.post(business("/holidays"), """
                {"name":"%s closing %d","from":"%s"}""".formatted(label, next(), date));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    /** An hour of time off on a February date of its own. */
    String timeOffBody() {
        LocalDate day = LocalDate.parse("2027-02-01").plusDays(next() % 27);
        return """
                {"start":"%sT10:00:00Z","end":"%sT11:00:00Z","reason":"errand"}""".formatted(day, day);
    }

    UUID timeOff(UUID staff) {
        Api.Response r = admin.post(business("/staff/" + staff + "/time-off"), timeOffBody());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    UUID service(String name) {
        return service(name, 1);
    }

    UUID service(String name, int capacity) {
        Api.Response r = admin.post(business("/services"), serviceBody(name).replace("\"maxAdvanceDays\":90",
                "\"maxAdvanceDays\":90,\"capacity\":" + capacity));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(r.text("id"));
        seen(business("/services/" + id), r);
        return id;
    }

    String serviceBody(String name) {
        return """
                {"name":"%s","duration":"PT30M","price":{"amount":"40.00","currency":"EUR"},"bufferBefore":"PT0M",
                 "bufferAfter":"PT0M","slotInterval":"PT30M","minimumNotice":"PT0M","maxAdvanceDays":90}
                """.formatted(name);
    }

    UUID staff(String name) {
        Api.Response r = admin.post(business("/staff"), staffBody(name));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(r.text("id"));
        seen(business("/staff/" + id), r);
        return id;
    }

    String staffBody(String name) {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",").append('"').append(day).append("\":[{\"from\":\"08:00\",\"to\":\"20:00\"}]");
        }
        List<String> services = new ArrayList<>();
        if (service != null) {
            services.add("\"" + service + "\"");
        }
        if (spareService != null) {
            services.add("\"" + spareService + "\"");
        }
        if (classService != null) {
            services.add("\"" + classService + "\"");
        }
        return """
                {"name":"%s","email":"%s@%s.test","timeZone":"UTC","workingHours":{%s},"serviceIds":[%s]}
                """.formatted(name, name.toLowerCase().replace(' ', '.'), label, week, String.join(",", services));
    }

    /** An API key that may read bookings. */
    UUID apiKey() {
        Api.Response r = admin.post(business("/api-keys"), """
                {"name":"%s key %d","scopes":["bookings:read"]}""".formatted(label, next()));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    /** The secret of an API key of the business with exactly these scopes (one key per set of scopes). */
    String apiKeySecret(Set<Scope> scopes) {
        return apiKeys.computeIfAbsent(EnumSet.copyOf(scopes), s -> {
            String names = String.join("\",\"", s.stream().map(Scope::value).toList());
            Api.Response r = admin.post(business("/api-keys"), """
                    {"name":"%s key %d","scopes":["%s"]}""".formatted(label, next(), names));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
            return r.text("key");
        });
    }

    /** The issuer of the business's OpenID Connect provider: a path of its own at the shared mock-oauth2-server. */
    String oidcIssuer() {
        return IdentityProviders.SERVER.issuerUrl(label).toString();
    }

    String oidcBody() {
        return """
                {"issuer":"%s","clientId":"%s","clientSecret":"%s-client-secret","allowedEmailDomains":["%s.test"],"defaultRole":"staff"}
                """.formatted(oidcIssuer(), oidcClient, label, label);
    }

    /** A SAML identity provider that signs with a self-signed certificate of the single sign-on tests. */
    String samlBody() {
        return """
                {"idpEntityId":"%s","idpSsoUrl":"https://idp.%s.test/sso","idpCertificate":"%s","defaultRole":"analyst"}
                """.formatted(samlIdp, label, IdentityProviders.CERTIFICATE.strip().replace("\n", "\\n"));
    }

    /**
     * Configures (again) both identity providers of the business, as they were: requests that need them configured call
     * it, as the rows that remove a provider may have run before them.
     */
    void singleSignOn() {
        Api.Response oidc = admin.put(business("/sso/oidc"), oidcBody());
        assertThat(oidc.status()).as(oidc.raw().body()).isEqualTo(200);
        Api.Response saml = admin.put(business("/sso/saml"), samlBody());
        assertThat(saml.status()).as(saml.raw().body()).isEqualTo(200);
    }

    String webhookBody() {
        return """
                {"url":"https://203.0.113.10/hooks/%s/%d","eventTypes":["kairos.appointment.booked.v1"],"description":"%s hook"}
                """.formatted(label, next(), label);
    }

    /** A new webhook subscription of the business. */
    UUID webhook() {
        webhookRoom();
        Api.Response r = admin.post(business("/webhooks"), webhookBody());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    /** Keeps the business below its most subscriptions: removes every one but the fixture's when there are five. */
    void webhookRoom() {
        Api.Response list = admin.get(business("/webhooks"));
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        if (list.json().size() >= 5) {
            list.json().forEach(hook -> {
                String id = hook.path("id").asString();
                if (!id.equals(String.valueOf(webhookId))) {
                    assertThat(admin.delete(business("/webhooks/" + id)).status()).isEqualTo(204);
                }
            });
        }
    }

    /** A delivery of a booking to the webhook, once its first attempt (which fails: nothing answers there) is logged. */
    UUID delivery(UUID webhook) {
        book(staffA, "hooked." + next() + "@" + label + ".test");
        String deliveries = business("/webhooks/" + webhook + "/deliveries");
        Awaitility.await("a delivery of " + webhook + " tried").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Api.Response r = admin.get(deliveries);
                    return r.status() == 200 && r.json().size() > 0 && r.json().get(0).path("attempts").asInt() > 0;
                });
        return UUID.fromString(admin.get(deliveries).json().get(0).path("id").asString());
    }

    /** A member without a password, to change or remove. */
    UUID member() {
        Api.Response r = admin.post(business("/members"), """
                {"email":"member.%d@%s.test","name":"%s Member","roles":["analyst"]}""".formatted(next(), label, label));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.text("userId"));
    }

    /** Reads what a command created, with its consistency token when it has one, until the read model has it. */
    void seen(String path, Api.Response created) {
        String token = created == null ? null : created.header("Consistency-Token").orElse(null);
        Awaitility.await(path + " readable").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Api.Response read = token == null ? admin.get(path, "X-Business-Id", businessId.toString())
                    : admin.get(path, "X-Business-Id", businessId.toString(), "Consistency-Token", token);
            assertThat(read.status() == 200 && (token == null || read.header("Consistency-Status").orElse("").equals("applied")))
                    .as(path + " readable: " + read.status() + " " + read.raw().body()).isTrue();
        });
    }

    private void awaitBusiness() {
        seen(business(""), null);
    }


    /**
     * What the tenants' identity providers share: the OpenID Connect provider, started on first use and stopped when the
     * tests' JVM ends, and the SAML signing certificate.
     */
    private static final class IdentityProviders {
        static final MockOAuth2Server SERVER = MockProvider.start();
        static final String CERTIFICATE = resource("/sso/other-idp-certificate.pem");

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SERVER::shutdown));
        }

        private static String resource(String name) {
            try (InputStream in = Tenant.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whose resource a request names: the caller's own, or someone else's (staff member B's, the other customer's). */
    enum Target { OWN, OTHER }
}
