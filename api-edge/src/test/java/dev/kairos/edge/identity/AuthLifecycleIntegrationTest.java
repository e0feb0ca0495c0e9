package dev.kairos.edge.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.kairos.booking.access.AuthenticationRecorded;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing up, in and out over HTTP: registration and its validation, login for one of several businesses, refresh
 * tokens that rotate and revoke their family when replayed, logout, customers' accounts, role changes that end
 * sessions, the authentication events auditors read, and how passwords are kept.
 */
class AuthLifecycleIntegrationTest extends EngineTest {
    private static final String PASSWORD = "a long and varied secret";

    private String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@salon.test";
    }

    private Api.Response register(String businessName, String zone, String ownerEmail, String password) {
        return api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"%s","currency":"EUR"},
                 "owner":{"name":"Olga Owner","email":"%s","password":"%s"}}""".formatted(businessName, zone, ownerEmail, password));
    }

    private Api.Response registered(String ownerEmail) {
        Api.Response r = register("Salon", "Europe/Paris", ownerEmail, PASSWORD);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    private Api.Response refresh(String refreshToken) {
        return api.anonymous().post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private int me(String accessToken) {
        return api.as(accessToken).get("/api/v1/auth/me").status();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private void rejected(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    // registration

    @Test
    void registeringABusinessCreatesItsOwnerAndSignsThemIn() {
        String email = email("olga");
        Api.Response r = registered(email);
        UUID business = UUID.fromString(r.text("businessId"));
        assertThat(r.header("Location")).hasValue("/api/v1/businesses/" + business);
        assertThat(r.text("token_type")).isEqualTo("Bearer");
        assertThat(r.json().path("expires_in").asLong()).isEqualTo(900);
        assertThat(r.json().path("roles").get(0).asString()).isEqualTo("owner");
        JWTClaimsSet claims = Jwts.claims(r.text("access_token"));
        assertThat(claims.getSubject()).isEqualTo(r.text("userId"));
        assertThat(claims.getClaim(TokenClaims.BUSINESS)).isEqualTo(business.toString());
        assertThat(Jwts.parse(r.text("access_token")).getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(count("SELECT count(*) FROM cmd_business WHERE business_id = ?", business)).isEqualTo(1);
        // the owner acts for the business at once
        Api.Response read = api.as(r.text("access_token")).get("/api/v1/businesses/" + business,
                "Consistency-Token", r.header("Consistency-Token").orElseThrow());
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
    }

    @Test
    void aRegistrationThatFailsValidationCreatesNothing() {
        long businesses = count("SELECT count(*) FROM cmd_business");
        long users = count("SELECT count(*) FROM app_user");
        long events = storedEvents();
        String email = email("vera");
        rejected(register("Salon", "Europe/Paris", email, "short1234"), 422, "weak-password");
        rejected(register("Salon", "Europe/Paris", email, "x".repeat(129)), 422, "weak-password");
        rejected(register("Salon", "Europe/Paris", email, "my " + email.toUpperCase() + " pw"), 422, "weak-password");
        rejected(register("Salon", "Europe/Paris", email, "abababababababab"), 422, "weak-password");
        rejected(register("Salon", "Europe/Paris", "not-an-email", PASSWORD), 422, "validation-failed");
        rejected(register("Salon", "Europe/Paris", "two@@ats.test", PASSWORD), 422, "validation-failed");
        rejected(register("Salon", "Mars/Olympus_Mons", email, PASSWORD), 422, "invalid-time-zone");
        rejected(api.anonymous().post("/api/v1/auth/register", "{\"owner\":{\"email\":\"" + email + "\"}}"), 422, "validation-failed");
        assertThat(count("SELECT count(*) FROM cmd_business")).isEqualTo(businesses);
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aSecondRegistrationWithTheSameEmailIsAConflictAndCreatesNoBusiness() {
        String email = email("dora");
        registered(email);
        long businesses = count("SELECT count(*) FROM cmd_business");
        long users = count("SELECT count(*) FROM app_user");
        long events = storedEvents();
        rejected(register("Copycat", "Europe/Paris", email, PASSWORD), 409, "email-already-registered");
        rejected(register("Copycat", "Europe/Paris", "  " + email.toUpperCase() + " ", "another varied secret"), 409, "email-already-registered");
        assertThat(count("SELECT count(*) FROM cmd_business")).isEqualTo(businesses);
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);
        assertThat(storedEvents()).isEqualTo(events);
    }

    // login

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = email("lena");
        registered(email);
        Api.Response right = api.login(email, PASSWORD, null);
        assertThat(right.status()).as(right.raw().body()).isEqualTo(200);
        assertThat(me(right.text("access_token"))).isEqualTo(200);
        Api.Response upper = api.login(email.toUpperCase(), PASSWORD, null);
        assertThat(upper.status()).isEqualTo(200);

        Api.Response wrong = api.login(email, PASSWORD + "!", null);
        Api.Response unknown = api.login(email("nobody"), PASSWORD, null);
        Api.Response empty = api.login(email, "", null);
        for (Api.Response r : List.of(wrong, unknown, empty)) {
            rejected(r, 401, "invalid-credentials");
            assertThat(r.json().path("detail").asString()).isEqualTo(wrong.json().path("detail").asString());
            assertThat(r.raw().body()).doesNotContain(PASSWORD);
        }
        rejected(api.anonymous().post("/api/v1/auth/login", "{\"email\":\"" + email + "\"}"), 422, "validation-failed");
    }

    @Test
    void aMemberOfSeveralBusinessesChoosesOneAtLogin() {
        String email = email("mia");
        Api.Response first = registered(email);
        UUID own = UUID.fromString(first.text("businessId"));
        Api.Response other = registered(email("otto"));
        UUID audited = UUID.fromString(other.text("businessId"));
        Api.Response added = api.as(other.text("access_token")).post("/api/v1/businesses/" + audited + "/members",
                "{\"email\":\"" + email + "\",\"roles\":[\"auditor\"]}");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);

        Api.Response asAuditor = api.login(email, PASSWORD, audited);
        assertThat(asAuditor.status()).as(asAuditor.raw().body()).isEqualTo(200);
        assertThat(asAuditor.text("businessId")).isEqualTo(audited.toString());
        assertThat(Jwts.claims(asAuditor.text("access_token")).getClaim(TokenClaims.ROLES)).isEqualTo(List.of("auditor"));
        Api.Response asOwner = api.login(email, PASSWORD, own);
        assertThat(asOwner.text("businessId")).isEqualTo(own.toString());
        assertThat(Jwts.claims(asOwner.text("access_token")).getClaim(TokenClaims.ROLES)).isEqualTo(List.of("owner"));

        // each token reaches its own business only
        assertThat(api.as(asAuditor.text("access_token")).get("/api/v1/businesses/" + audited + "/auth-events").status()).isEqualTo(200);
        assertThat(api.as(asAuditor.text("access_token")).get("/api/v1/businesses/" + own + "/auth-events").status()).isEqualTo(404);
        assertThat(api.as(asOwner.text("access_token")).get("/api/v1/businesses/" + audited + "/auth-events").status()).isEqualTo(404);

        // a business the account has no role in
        rejected(api.login(email, PASSWORD, UUID.randomUUID()), 401, "invalid-credentials");

        Api.Response me = api.as(asAuditor.text("access_token")).get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("businessId")).isEqualTo(audited.toString());
        assertThat(me.json().path("roles").get(0).asString()).isEqualTo("auditor");
        assertThat(me.json().path("platformAdmin").asBoolean()).isFalse();
        assertThat(me.json().path("memberships").size()).isEqualTo(2);
    }

    // refresh

    @Test
    void refreshTokensRotateAndAReplayRevokesTheWholeFamily() {
        String email = email("rita");
        registered(email);
        Api.Response login = api.login(email, PASSWORD, null);
        String r1 = login.text("refresh_token");
        Api.Response second = refresh(r1);
        assertThat(second.status()).as(second.raw().body()).isEqualTo(200);
        String r2 = second.text("refresh_token");
        assertThat(r2).isNotEqualTo(r1);
        assertThat(Jwts.claims(second.text("access_token")).getClaim(TokenClaims.SESSION))
                .isEqualTo(Jwts.claims(login.text("access_token")).getClaim(TokenClaims.SESSION));
        Api.Response third = refresh(r2);
        assertThat(third.status()).isEqualTo(200);
        String r3 = third.text("refresh_token");
        assertThat(r3).isNotIn(r1, r2);
        assertThat(me(third.text("access_token"))).isEqualTo(200);

        // another session of the same user is not part of the family
        Api.Response elsewhere = api.login(email, PASSWORD, null);

        rejected(refresh(r1), 401, "refresh-token-reused");
        rejected(refresh(r3), 401, "invalid-refresh-token");
        assertThat(me(third.text("access_token"))).isEqualTo(401);
        assertThat(me(second.text("access_token"))).isEqualTo(401);
        assertThat(me(login.text("access_token"))).isEqualTo(401);
        assertThat(me(elsewhere.text("access_token"))).isEqualTo(200);
        assertThat(refresh(elsewhere.text("refresh_token")).status()).isEqualTo(200);

        rejected(refresh("no-such-token"), 401, "invalid-refresh-token");
        rejected(api.anonymous().post("/api/v1/auth/refresh", "{}"), 422, "validation-failed");
    }

    // logout

    @Test
    void loggingOutWithTheBearerTokenEndsThatSessionOnly() {
        String email = email("luis");
        registered(email);
        Api.Response one = api.login(email, PASSWORD, null);
        Api.Response two = api.login(email, PASSWORD, null);
        Api.Response out = api.as(one.text("access_token")).post("/api/v1/auth/logout", null);
        assertThat(out.status()).as(out.raw().body()).isEqualTo(204);
        assertThat(me(one.text("access_token"))).isEqualTo(401);
        rejected(refresh(one.text("refresh_token")), 401, "invalid-refresh-token");
        assertThat(me(two.text("access_token"))).isEqualTo(200);
        // logging out again with the dead token is refused like any revoked token
        assertThat(api.as(one.text("access_token")).post("/api/v1/auth/logout", null).status()).isEqualTo(401);
    }

    @Test
    void loggingOutWithTheRefreshTokenEndsItsSession() {
        String email = email("lola");
        registered(email);
        Api.Response one = api.login(email, PASSWORD, null);
        Api.Response rotated = refresh(one.text("refresh_token"));
        Api.Response out = api.anonymous().post("/api/v1/auth/logout", "{\"refreshToken\":\"" + rotated.text("refresh_token") + "\"}");
        assertThat(out.status()).isEqualTo(204);
        assertThat(me(rotated.text("access_token"))).isEqualTo(401);
        assertThat(me(one.text("access_token"))).isEqualTo(401);
        rejected(refresh(rotated.text("refresh_token")), 401, "invalid-refresh-token");
    }

    // customers

    @Test
    void aCustomerOpensAnAccountFromTheirBookingsManageLinkAndActsAsThatCustomer() {
        Api.Response owner = registered(email("olive"));
        UUID business = UUID.fromString(owner.text("businessId"));
        String email = email("carl");
        Api.Response booking = booked(business, email, "2026-12-07T10:00:00+01:00");
        String link = booking.json().path("manage").path("token").asString();
        UUID customer = UUID.fromString(booking.text("customerId"));

        Api.Response r = api.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","name":"Carl Customer","password":"%s"}""".formatted(link, PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().path("roles").get(0).asString()).isEqualTo("customer");
        assertThat(Jwts.claims(r.text("access_token")).getClaim(TokenClaims.CUSTOMER)).isEqualTo(customer.toString());
        assertThat(customer).isEqualTo(CustomerId.forContact(new BusinessId(business), email, null).id());
        Api carl = api.as(r.text("access_token"));
        Api.Response me = carl.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.json().path("memberships").get(0).path("customerId").asString()).isEqualTo(customer.toString());
        assertThat(me.json().path("memberships").get(0).path("role").asString()).isEqualTo("customer");
        // their own booking is theirs to read; a customer reads no auth events and manages no members
        assertThat(carl.get("/api/v1/appointments/" + booking.text("id")).status()).isEqualTo(200);
        assertThat(carl.get("/api/v1/businesses/" + business + "/auth-events").status()).isEqualTo(403);
        // logging in again gives the same customer
        Api.Response login = api.login(email, PASSWORD, business);
        assertThat(Jwts.claims(login.text("access_token")).getClaim(TokenClaims.CUSTOMER)).isEqualTo(customer.toString());
    }

    @Test
    void noOneOpensACustomerAccountWithoutAManageLinkOfThatCustomersBooking() {
        Api.Response owner = registered(email("opal"));
        UUID business = UUID.fromString(owner.text("businessId"));
        String link = booked(business, email("cleo"), "2026-12-07T11:00:00+01:00").json().path("manage").path("token").asString();
        long users = count("SELECT count(*) FROM app_user");

        // naming an email is not enough: the account comes from a booking's link, which only the customer received
        rejected(api.anonymous().post("/api/v1/auth/customers/register", """
                {"businessId":"%s","name":"Mallory","email":"%s","password":"%s"}""".formatted(business, email("cleo"), PASSWORD)),
                400, "unknown-field");
        rejected(api.anonymous().post("/api/v1/auth/customers/register", """
                {"name":"Mallory","password":"%s"}""".formatted(PASSWORD)), 422, "validation-failed");
        rejected(api.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","password":"%s"}""".formatted(link.substring(0, link.length() - 2) + "xx", PASSWORD)),
                401, "manage-link-invalid");
        rejected(api.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","password":"aaaaaaaaaaaaa"}""".formatted(link)), 422, "weak-password");
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);

        assertThat(api.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","password":"%s"}""".formatted(link, PASSWORD)).status()).isEqualTo(201);
        rejected(api.anonymous().post("/api/v1/auth/customers/register", """
                {"manageToken":"%s","password":"%s"}""".formatted(link, PASSWORD)), 409, "email-already-registered");
    }

    /** A booking for {@code email} in the business, once the read model knows it. */
    private Api.Response booked(UUID business, String email, String start) {
        UUID[] serviceAndStaff = serviceAndStaff(business);
        UUID service = serviceAndStaff[0];
        UUID staff = serviceAndStaff[1];
        Api.Response booking = api.post("/api/v1/businesses/" + business + "/appointments", """
                {"serviceId":"%s","staffId":"%s","start":"%s","customer":{"name":"Carl Customer","email":"%s"}}"""
                .formatted(service, staff, start, email));
        assertThat(booking.status()).as(booking.raw().body()).isEqualTo(201);
        Api.Response seen = api.get("/api/v1/appointments/" + booking.text("id"), "X-Business-Id", business.toString(),
                "Consistency-Token", booking.header("Consistency-Token").orElseThrow());
        assertThat(seen.status()).as(seen.raw().body()).isEqualTo(200);
        return booking;
    }

    // roles

    @Test
    void aMemberWhoseRolesChangeIsSignedOutEverywhereInThatBusiness() {
        Api.Response owner = registered(email("oscar"));
        UUID business = UUID.fromString(owner.text("businessId"));
        Api owners = api.as(owner.text("access_token"));
        String email = email("adam");
        Api.Response added = owners.post("/api/v1/businesses/" + business + "/members", """
                {"email":"%s","name":"Adam Admin","password":"%s","roles":["admin"]}""".formatted(email, PASSWORD));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        UUID member = UUID.fromString(added.text("userId"));
        Api.Response session = api.login(email, PASSWORD, business);
        assertThat(me(session.text("access_token"))).isEqualTo(200);

        Api.Response changed = owners.put("/api/v1/businesses/" + business + "/members/" + member + "/roles", "{\"roles\":[\"auditor\"]}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(me(session.text("access_token"))).isEqualTo(401);
        rejected(refresh(session.text("refresh_token")), 401, "invalid-refresh-token");
        Api.Response again = api.login(email, PASSWORD, business);
        assertThat(Jwts.claims(again.text("access_token")).getClaim(TokenClaims.ROLES)).isEqualTo(List.of("auditor"));
        // the owner's own session is untouched
        assertThat(me(owner.text("access_token"))).isEqualTo(200);
    }

    // auditors and secrets

    @Test
    void authenticationEventsReachOwnersAndAuditorsAndKeepNoSecret() {
        List<String> secrets = new ArrayList<>();
        String ownerPassword = "owner's quite unguessable phrase";
        String ownerEmail = email("ava");
        Api.Response owner = register("Audited", "Europe/Paris", ownerEmail, ownerPassword);
        assertThat(owner.status()).isEqualTo(201);
        UUID business = UUID.fromString(owner.text("businessId"));
        Api owners = api.as(owner.text("access_token"));
        secrets.addAll(List.of(ownerPassword, owner.text("access_token"), owner.text("refresh_token")));

        String auditorPassword = "auditor's own long passphrase";
        String auditorEmail = email("aud");
        Api.Response addedAuditor = owners.post("/api/v1/businesses/" + business + "/members", """
                {"email":"%s","name":"Audrey","password":"%s","roles":["auditor"]}""".formatted(auditorEmail, auditorPassword));
        assertThat(addedAuditor.status()).as(addedAuditor.raw().body()).isEqualTo(201);
        String wrongGuess = "a wrong guess of the password";
        rejected(api.login(ownerEmail, wrongGuess, null), 401, "invalid-credentials");
        Api.Response auditor = api.login(auditorEmail, auditorPassword, business);
        secrets.addAll(List.of(auditorPassword, wrongGuess, auditor.text("access_token"), auditor.text("refresh_token")));

        Api.Response session = api.login(ownerEmail, ownerPassword, null);
        Api.Response rotated = refresh(session.text("refresh_token"));
        rejected(refresh(session.text("refresh_token")), 401, "refresh-token-reused");
        secrets.addAll(List.of(session.text("access_token"), session.text("refresh_token"), rotated.text("access_token"), rotated.text("refresh_token")));
        Api.Response leaving = api.login(ownerEmail, ownerPassword, null);
        assertThat(api.as(leaving.text("access_token")).post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        secrets.addAll(List.of(leaving.text("access_token"), leaving.text("refresh_token")));
        UUID auditorId = UUID.fromString(addedAuditor.text("userId"));
        assertThat(owners.put("/api/v1/businesses/" + business + "/members/" + auditorId + "/roles", "{\"roles\":[\"auditor\",\"analyst\"]}")
                .status()).isEqualTo(200);
        assertThat(owners.put("/api/v1/businesses/" + business + "/members/" + auditorId + "/roles", "{\"roles\":[\"auditor\"]}")
                .status()).isEqualTo(200);
        Api.Response auditorAgain = api.login(auditorEmail, auditorPassword, business);
        secrets.addAll(List.of(auditorAgain.text("access_token"), auditorAgain.text("refresh_token")));

        // a staff member of the business
        UUID staff = staffMember(business);
        String staffPassword = "staff member's long secret";
        String staffEmail = email("sam");
        assertThat(owners.post("/api/v1/businesses/" + business + "/members", """
                {"email":"%s","name":"Sam","password":"%s","roles":["staff"],"staffId":"%s"}""".formatted(staffEmail, staffPassword, staff))
                .status()).isEqualTo(201);
        Api.Response staffSession = api.login(staffEmail, staffPassword, business);
        secrets.addAll(List.of(staffPassword, staffSession.text("access_token"), staffSession.text("refresh_token")));

        String path = "/api/v1/businesses/" + business + "/auth-events";
        for (String reader : List.of(owner.text("access_token"), auditorAgain.text("access_token"))) {
            Api.Response events = api.as(reader).get(path + "?limit=500");
            assertThat(events.status()).as(events.raw().body()).isEqualTo(200);
            List<String> types = new ArrayList<>();
            events.json().path("items").forEach(e -> types.add(e.path("type").asString()));
            assertThat(types).contains("business-registered", "member-added", "login-failed", "login-succeeded",
                    "refresh-token-reused", "logged-out", "role-granted", "role-revoked");
            events.json().path("items").forEach(e -> assertThat(e.path("businessId").asString()).isEqualTo(business.toString()));
            // paging: after the last position there is nothing more
            Api.Response rest = api.as(reader).get(path + "?after=" + events.json().path("next").asLong());
            assertThat(rest.json().path("items").size()).isZero();
        }
        rejected(api.as(staffSession.text("access_token")).get(path), 403, "access-denied");
        rejected(owners.get(path + "?limit=0"), 400, "invalid-value");

        // every event is an AuthenticationRecorded in the event store, and the view has one row per event
        long stored = count("SELECT count(*) FROM domainevententry WHERE payload_type = ?", AuthenticationRecorded.class.getName());
        long viewed = count("SELECT count(*) FROM auth_event_view");
        assertThat(stored).isEqualTo(viewed).isPositive();
        assertThat(count("SELECT count(*) FROM auth_event_view WHERE business_id = ?", business)).isGreaterThanOrEqualTo(10);

        // no password and no token in any stored row
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT payload, meta_data FROM domainevententry", rs -> {
            rows.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            byte[] meta = rs.getBytes(2);
            rows.add(meta == null ? "" : new String(meta, StandardCharsets.UTF_8));
        });
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM auth_event_view")) {
            rows.add(row.toString());
        }
        assertThat(rows).hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(rows).noneMatch(row -> row.contains(secret));
        }
        // nor the people's email addresses in authentication events: the user id names them
        List<String> authRows = new ArrayList<>();
        jdbc.query("SELECT payload FROM domainevententry WHERE payload_type = ?", rs -> {
            authRows.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
        }, AuthenticationRecorded.class.getName());
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM auth_event_view")) {
            authRows.add(row.toString());
        }
        for (String email : List.of(ownerEmail, auditorEmail, staffEmail)) {
            assertThat(authRows).noneMatch(row -> row.toLowerCase(java.util.Locale.ROOT).contains(email.toLowerCase(java.util.Locale.ROOT)));
        }
        // tokens are neither stored whole nor in part: refresh tokens only as hashes
        assertThat(count("SELECT count(*) FROM refresh_token WHERE token_hash = ?", (Object) session.text("refresh_token")
                .getBytes(StandardCharsets.UTF_8))).isZero();
    }

    private UUID staffMember(UUID business) {
        return serviceAndStaff(business)[1];
    }

    /** A 30-minute service and a staff member providing it on Mondays, known to the command side. */
    private UUID[] serviceAndStaff(UUID business) {
        Api.Response service = api.post("/api/v1/businesses/" + business + "/services", """
                {"name":"Cut","duration":"PT30M","price":{"amount":"40.00","currency":"EUR"},
                 "bufferBefore":"PT0M","bufferAfter":"PT0M","slotInterval":"PT30M","minimumNotice":"PT0M","maxAdvanceDays":60}""");
        assertThat(service.status()).as(service.raw().body()).isEqualTo(201);
        Api.Response staff = api.post("/api/v1/businesses/" + business + "/staff", """
                {"name":"Sam","email":"sam@example.com","timeZone":"Europe/Paris","workingHours":{"MONDAY":[{"from":"09:00","to":"17:00"}]},
                 "serviceIds":["%s"]}""".formatted(service.text("id")));
        assertThat(staff.status()).as(staff.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(staff.text("id"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM cmd_staff WHERE staff_id = ?", id) == 1);
        return new UUID[]{UUID.fromString(service.text("id")), id};
    }

    // passwords

    @Test
    void passwordsAreStoredAsArgon2idHashesOnly() {
        String email = email("hana");
        registered(email);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE lower(email) = ?", String.class, email);
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
        String admin = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE lower(email) = ?", String.class, ADMIN_EMAIL);
        assertThat(admin).startsWith("{argon2}$argon2id$").doesNotContain(ADMIN_PASSWORD);
        assertThat(count("SELECT count(*) FROM app_user WHERE password_hash LIKE ?", "%" + PASSWORD + "%")).isZero();
    }
}
