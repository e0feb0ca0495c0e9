package dev.kairos.edge.customers;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import dev.kairos.edge.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customers API on the whole engine and a real PostgreSQL: profiles that join a customer's phone-only and email
 * bookings, search, preferences, the export of everything held about a customer, erasure (which every read model and
 * the identity store obey) and retention.
 */
class CustomersApiIntegrationTest extends EngineTest {
    @Autowired
    private Clock clock;
    @Autowired
    private RetentionSweep retention;

    @AfterEach
    void clockBack() {
        ((TestClock) clock).reset();
    }

    @Test
    void bookingsByPhoneOnlyAndByEmailAndPhoneAreOneCustomer() {
        Salon s = salon("Dedup Salon");
        Api.Response byPhone = s.book("2026-12-02T09:00:00Z", "Ada", null, "+4917012345678", null);
        ((TestClock) clock).set(NOW.plusSeconds(60));
        Api.Response byEmail = s.book("2026-12-03T09:00:00Z", "Ada Lovelace", "Ada@Example.com", "+4917012345678", null);
        UUID phoneId = UUID.fromString(byPhone.text("customerId"));
        UUID emailId = UUID.fromString(byEmail.text("customerId"));
        assertThat(phoneId).isNotEqualTo(emailId);

        JsonNode viaPhone = s.customer(phoneId, 2);
        JsonNode viaEmail = s.customer(emailId, 2);
        assertThat(viaPhone).isEqualTo(viaEmail);
        assertThat(viaPhone.path("customerIds").toString()).contains(phoneId.toString(), emailId.toString());
        assertThat(viaPhone.path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(viaPhone.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(viaPhone.path("phone").asString()).isEqualTo("+4917012345678");
        assertThat(viaPhone.path("appointments")).hasSize(2);
        Api.Response found = s.search("email=ADA@example.COM");
        assertThat(found.json().path("items")).hasSize(1);
    }

    @Test
    void searchByNameEmailAndPhoneWithPagingAndNeverAnotherBusinesssCustomers() {
        Salon s = salon("Search Salon");
        Salon other = salon("Other Salon");
        String[] names = {"Grace Hopper", "Ada Lovelace", "Alan Turing", "Barbara Liskov", "Edsger Dijkstra"};
        for (int i = 0; i < names.length; i++) {
            s.book("2026-12-02T%02d:00:00Z".formatted(9 + i), names[i], names[i].split(" ")[0].toLowerCase() + "@search.test",
                    "+49301000" + i, null);
        }
        Api.Response mine = other.book("2026-12-02T09:00:00Z", "Ada Lovelace", "ada@search.test", "+4930100001", null);
        s.awaitSearch("", names.length);
        other.awaitSearch("", 1);

        assertThat(names(s.search("name=LOVE"))).containsExactly("Ada Lovelace");
        assertThat(names(s.search("name=a"))).containsExactly("Ada Lovelace", "Alan Turing", "Barbara Liskov", "Edsger Dijkstra",
                "Grace Hopper");
        assertThat(names(s.search("email=Grace@Search.Test"))).containsExactly("Grace Hopper");
        assertThat(names(s.search("phone=%2B49301000"))).hasSize(5);
        assertThat(names(s.search("phone=%2B493010003"))).containsExactly("Barbara Liskov");
        // the other business's Ada is only ever found there
        assertThat(s.search("name=lovelace").json().path("items").get(0).path("id").asString()).isNotEqualTo(mine.text("customerId"));
        assertThat(names(other.search("name=a"))).containsExactly("Ada Lovelace");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = s.search("limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            paged.addAll(names(page));
            cursor = page.json().path("nextCursor").isString() ? page.json().path("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(paged).containsExactly("Ada Lovelace", "Alan Turing", "Barbara Liskov", "Edsger Dijkstra", "Grace Hopper");

        assertThat(s.search("limit=0").status()).isEqualTo(400);
        Api.Response badCursor = s.search("cursor=bm90LWEtY3Vyc29y");
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(badCursor.code()).isEqualTo("validation-failed");
    }

    @Test
    void preferencesAreSetValidatedAndShown() {
        Salon s = salon("Preference Salon");
        UUID ada = UUID.fromString(s.book("2026-12-02T09:00:00Z", "Ada", "ada@prefs.test", null, null).text("customerId"));
        s.customer(ada, 1);

        Api.Response set = api.put("/api/v1/customers/" + ada + "/preferences", """
                {"timeZone":"Europe/Vienna","language":"de-at","channel":"email"}""", "X-Business-Id", s.tenant());
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.json().path("language").asString()).isEqualTo("de-AT");
        assertThat(set.header("Consistency-Token")).isPresent();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(s.customer(ada, 1).path("preferences").toString())
                        .isEqualTo("{\"timeZone\":\"Europe/Vienna\",\"language\":\"de-AT\",\"channel\":\"EMAIL\"}"));

        assertRejected(s, ada, "{\"timeZone\":\"Mars/Olympus\"}", 422, "invalid-time-zone");
        assertRejected(s, ada, "{\"timeZone\":\"+02:00\"}", 422, "invalid-time-zone");
        assertRejected(s, ada, "{\"language\":\"not a language\"}", 422, "validation-failed");
        assertRejected(s, ada, "{\"channel\":\"PIGEON\"}", 422, "validation-failed");
        assertRejected(s, ada, "{\"channel\":\"SMS\"}", 422, "validation-failed");
        assertRejected(s, ada, "{}", 422, "validation-failed");
        Api.Response unknown = api.put("/api/v1/customers/" + UUID.nameUUIDFromBytes("nobody".getBytes()) + "/preferences",
                "{\"language\":\"en\"}", "X-Business-Id", s.tenant());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("customer-not-found");
    }

    @Test
    void theExportHoldsEverythingAboutTheCustomer() {
        Salon s = salon("Export Salon");
        Api.Response account = s.customerAccount("2026-12-02T09:00:00Z", "Erin Export", "erin@export.test");
        UUID erin = s.customerIdOf(account);
        s.book("2026-12-03T09:00:00Z", "Erin Export", "erin@export.test", "+4940123456", "left-handed, likes tea");
        Api.Response joined = api.post("/api/v1/businesses/" + s.businessId() + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-20T00:00:00Z","to":"2026-12-21T00:00:00Z",
                 "customer":{"name":"Erin Export","email":"erin@export.test"}}""".formatted(s.cut));
        assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
        s.customer(erin, 2);

        Api.Response export = api.as(account.text("access_token")).get("/api/v1/customers/" + erin + "/export");
        assertThat(export.status()).as(export.raw().body()).isEqualTo(200);
        assertThat(export.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains("customer-");
        JsonNode body = export.json();
        assertThat(body.path("profile").path("email").asString()).isEqualTo("erin@export.test");
        assertThat(body.path("profile").path("phone").asString()).isEqualTo("+4940123456");
        assertThat(body.path("appointments")).hasSize(2);
        assertThat(body.path("appointments").toString()).contains("left-handed, likes tea");
        assertThat(body.path("waitlistEntries")).hasSize(1);
        assertThat(body.path("accounts")).hasSize(1);
        assertThat(body.path("accounts").get(0).path("email").asString()).isEqualTo("erin@export.test");
        assertThat(body.path("accounts").get(0).path("roles").toString()).contains("customer");
        List<String> types = new ArrayList<>();
        body.path("events").forEach(e -> types.add(e.path("type").asString()));
        assertThat(types).contains("AppointmentBooked", "WaitlistJoined");
        assertThat(body.path("events").get(0).path("eventId").asString()).isNotBlank();
        // the stored events as they read with the customer's key, not as sealed envelopes
        assertThat(body.path("events").toString()).contains("left-handed, likes tea", "Erin Export").doesNotContain("\"pii\"");
        // the account's authentication events with their client addresses
        List<String> signIns = new ArrayList<>();
        body.path("signIns").forEach(e -> signIns.add(e.path("type").asString() + " " + e.path("ip").asString()));
        assertThat(signIns).isNotEmpty().allMatch(e -> e.endsWith(" 127.0.0.1"));
        assertThat(body.path("signIns").get(0).path("userId").asString()).isEqualTo(account.text("userId"));
        assertThat(body.path("complete").asBoolean()).isTrue();

        // a customer exports only themselves; staff not at all
        Api.Response someoneElse = s.book("2026-12-04T09:00:00Z", "Other", "other@export.test", null, null);
        Api.Response refused = api.as(account.text("access_token")).get("/api/v1/customers/" + someoneElse.text("customerId") + "/export");
        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void aCustomerErasesThemselvesAndEveryReadModelForgetsThem() {
        Salon s = salon("Erasure Salon");
        Api.Response account = s.customerAccount("2026-12-02T09:00:00Z", "Zoe Erased", "zoe@erase.test");
        String token = account.text("access_token");
        UUID zoe = s.customerIdOf(account);
        Api.Response byPhone = s.book("2026-12-03T09:00:00Z", "Zoe", null, "+4989765432", "secret allergy note");
        Api.Response second = s.book("2026-12-04T09:00:00Z", "Zoe Erased", "zoe@erase.test", "+4989765432", "another secret note");
        assertThat(second.text("customerId")).isEqualTo(zoe.toString());
        UUID phoneId = UUID.fromString(byPhone.text("customerId"));
        Api.Response kept = s.book("2026-12-05T09:00:00Z", "Kim Kept", "kim@erase.test", null, "kim's note");
        Api.Response joined = api.post("/api/v1/businesses/" + s.businessId() + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-20T00:00:00Z","to":"2026-12-21T00:00:00Z",
                 "customer":{"name":"Zoe Erased","email":"zoe@erase.test"}}""".formatted(s.cut), "Idempotency-Key", "zoe-waits");
        assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
        s.customer(zoe, 3);

        // what Zoe sends herself, signed in or through her booking's manage link, records her client address sealed
        // with her key: auditors read it, the stored rows do not hold it
        UUID user = UUID.fromString(account.text("userId"));
        Api.Response moved = api.as(token).post("/api/v1/appointments/" + second.text("id") + "/reschedule",
                "{\"start\":\"2026-12-04T11:00:00Z\"}");
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        String manage = byPhone.json().path("manage").path("token").asString();
        assertThat(api.anonymous().get("/api/v1/manage/" + manage, "Consistency-Token",
                byPhone.header("Consistency-Token").orElseThrow()).status()).isEqualTo(200);
        Api.Response cancelled = api.anonymous().post("/api/v1/manage/" + manage + "/cancel", "{\"reason\":\"cannot come\"}");
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        assertThat(origin(s, "AppointmentRescheduled").path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(origin(s, "AppointmentRescheduled").path("who").asString()).isEqualTo("user:" + user);
        assertThat(origin(s, "AppointmentCancelled").path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(origin(s, "AppointmentBooked").path("ip").asString()).as("the owner's address").isEqualTo("127.0.0.1");
        assertThat(storedAddresses(s, user)).isNotEmpty().noneMatch(r -> r.contains("127.0.0.1"))
                .allMatch(r -> r.contains("\"pii\":\"v1\""));

        // another customer's erasure is not theirs to ask for; staff may not erase anyone
        assertThat(api.as(token).post("/api/v1/customers/" + kept.text("customerId") + "/erase", null).status()).isEqualTo(404);
        Api.Response staff = s.staffMember();
        assertThat(api.as(staff.text("access_token")).post("/api/v1/customers/" + zoe + "/erase", null).status()).isEqualTo(403);

        Api.Response erased = api.as(token).post("/api/v1/customers/" + zoe + "/erase", null);
        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(202);
        assertThat(erased.json().path("customerIds").toString()).contains(zoe.toString(), phoneId.toString());
        assertThat(erased.header("Consistency-Token").orElseThrow().split(",")).hasSize(2);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/customers/" + zoe, "X-Business-Id", s.tenant()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/customers/" + phoneId, "X-Business-Id", s.tenant()).status()).isEqualTo(404);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM membership WHERE customer_id = ?", Integer.class, zoe)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_view WHERE customer_id = ? AND customer_name <> '[erased]'",
                    Integer.class, zoe)).isZero();
        });
        UUID[] ids = {zoe, phoneId};
        String[] personal = {"Zoe Erased", "zoe@erase.test", "+4989765432", "secret allergy note", "another secret note"};
        // the customer read model
        assertThat(rows("SELECT t::text FROM customer_appointment t WHERE customer_id = ANY(?)", ids)).hasSize(3)
                .allSatisfy(r -> assertThat(r).contains("[erased]").doesNotContain(personal));
        assertThat(rows("SELECT t::text FROM customer_contact t WHERE customer_id = ANY(?)", ids)).isEmpty();
        assertThat(rows("SELECT t::text FROM customer_profile t WHERE business_id = ?", s.businessId()))
                .hasSize(1).allSatisfy(r -> assertThat(r).contains("Kim Kept").doesNotContain(personal));
        assertThat(rows("SELECT t::text FROM customer_view t WHERE customer_id = ANY(?)", ids))
                .hasSize(2).allSatisfy(r -> assertThat(r).doesNotContain(personal));
        // the schedule read model
        assertThat(rows("SELECT t::text FROM appointment_view t WHERE business_id = ?", s.businessId()))
                .hasSize(4).allSatisfy(r -> assertThat(r).doesNotContain(personal));
        assertThat(rows("SELECT t::text FROM appointment_view t WHERE business_id = ?", s.businessId()).toString()).contains("kim's note");
        assertThat(rows("SELECT t::text FROM waitlist_view t WHERE business_id = ?", s.businessId()))
                .hasSize(1).allSatisfy(r -> assertThat(r).contains("[erased]").doesNotContain(personal));
        // the client addresses of what she sent herself are erased with her; the owner's stay
        assertThat(origin(s, "AppointmentRescheduled").hasNonNull("ip")).isFalse();
        assertThat(origin(s, "AppointmentRescheduled").path("who").asString()).isEqualTo("user:" + user);
        assertThat(origin(s, "AppointmentCancelled").hasNonNull("ip")).isFalse();
        assertThat(origin(s, "AppointmentBooked").path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(storedAddresses(s, user)).noneMatch(r -> r.contains("127.0.0.1"));
        // identity: the account keeps only its id, its sessions are over, its token no longer works
        assertThat(rows("SELECT t::text FROM app_user t WHERE user_id = ?", user)).singleElement()
                .satisfies(r -> assertThat(r).doesNotContain(personal));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_session WHERE user_id = ? AND revoked_at IS NULL", Integer.class, user)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token r JOIN login_session l ON l.session_id = r.session_id "
                + "WHERE l.user_id = ?", Integer.class, user)).isZero();
        assertThat(rows("SELECT t::text FROM auth_event_view t WHERE user_id = ?", user)).allSatisfy(r -> assertThat(r).doesNotContain("127.0.0.1"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.as(token).get("/api/v1/auth/me").status()).isEqualTo(401));
        // stored idempotent answers that named the customer
        assertThat(rows("SELECT convert_from(body, 'UTF8') FROM idempotency_record WHERE starts_with(scope, ?) AND body IS NOT NULL",
                s.businessId() + "|")).allSatisfy(r -> assertThat(r).doesNotContain(zoe.toString()).doesNotContain(personal));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = 'zoe-waits'", Integer.class))
                .isEqualTo(1);
        // the other customer is untouched; the same address may book and sign up again
        assertThat(s.customer(UUID.fromString(kept.text("customerId")), 1).path("name").asString()).isEqualTo("Kim Kept");
        Api.Response again = api.as(token).post("/api/v1/customers/" + zoe + "/erase", null);
        assertThat(again.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/customers/" + zoe + "/erase", null, "X-Business-Id", s.tenant()).status())
                .as("an erased customer is not found").isEqualTo(404);
    }

    /**
     * The erasure proof: after a customer is erased, no stored byte anywhere in the database names them (every value
     * of every table, and the database's files on disk), while their calendar's audit history and its state at a past
     * instant are still rebuilt from the events, with the customer redacted.
     */
    @Test
    void afterErasureNoStoredByteAnywhereNamesTheCustomerAndTheAuditReplayStillWorksRedacted() {
        Salon s = salon("Proof Salon");
        List<String> personal = List.of("Quentin Proofreader", "quentin.proof@erasure.test", "+4930555123456",
                "knee injury, prefers the quiet room");
        Api.Response booked = s.book("2026-12-07T09:00:00Z", personal.get(0), personal.get(1), personal.get(2), personal.get(3));
        UUID customer = UUID.fromString(booked.text("customerId"));
        String appointment = booked.text("id");
        Api.Response moved = api.post("/api/v1/appointments/" + appointment + "/reschedule",
                "{\"start\":\"2026-12-08T10:00:00Z\"}", "X-Business-Id", s.tenant());
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        Api.Response joined = api.post("/api/v1/businesses/" + s.businessId() + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-20T00:00:00Z","to":"2026-12-21T00:00:00Z",
                 "customer":{"name":"%s","email":"%s","phone":"%s"}}""".formatted(s.cut, personal.get(0), personal.get(1),
                personal.get(2)));
        assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
        assertThat(s.customer(customer, 1).path("name").asString()).isEqualTo(personal.get(0));
        Api.Response export = api.get("/api/v1/customers/" + customer + "/export", "X-Business-Id", s.tenant());
        assertThat(export.status()).as(export.raw().body()).isEqualTo(200);
        assertThat(export.raw().body()).contains(personal);
        RawDatabase database = new RawDatabase(jdbc);
        assertThat(database.valuesContaining(personal)).as("the read models hold the customer before erasure").isNotEmpty();

        Api.Response erased = api.post("/api/v1/customers/" + customer + "/erase", null, "X-Business-Id", s.tenant());
        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(database.valuesContaining(personal)).isEmpty());

        assertThat(database.filesContaining(personal)).isEmpty();
        // the audit replay still works, with the customer redacted
        Api.Response history = api.get("/api/v1/audit/staff-calendar/" + s.staff + "/events", "X-Business-Id", s.tenant());
        assertThat(history.status()).as(history.raw().body()).isEqualTo(200);
        assertThat(history.raw().body()).contains("AppointmentBooked", "AppointmentRescheduled", "[erased]").doesNotContain(personal);
        Instant bookedAt = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domainevententry "
                + "WHERE payload_type LIKE '%AppointmentBooked' AND aggregate_identifier = ?", String.class, s.staff.toString()));
        Api.Response asBooked = api.get("/api/v1/audit/appointments/" + appointment + "?at=" + bookedAt, "X-Business-Id", s.tenant());
        assertThat(asBooked.status()).as(asBooked.raw().body()).isEqualTo(200);
        assertThat(asBooked.raw().body()).contains("2026-12-07T09:00:00Z").doesNotContain(personal);
    }

    @Test
    void aRetriedErasureWithTheSameIdempotencyKeyIsAnsweredAgainWithoutAnotherErasure() {
        Salon s = salon("Retry Salon");
        UUID ivy = UUID.fromString(s.book("2026-12-02T09:00:00Z", "Ivy", "ivy@retry.test", null, null).text("customerId"));
        s.customer(ivy, 1);
        Api.Response first = api.post("/api/v1/customers/" + ivy + "/erase", null, "X-Business-Id", s.tenant(), "Idempotency-Key", "erase-ivy");
        assertThat(first.status()).as(first.raw().body()).isEqualTo(202);
        Api.Response retry = api.post("/api/v1/customers/" + ivy + "/erase", null, "X-Business-Id", s.tenant(), "Idempotency-Key", "erase-ivy");
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        // the customer's own stream, for auditors: one erasure, naming nobody
        Api.Response history = api.get("/api/v1/audit/customer/" + ivy + "/events", "X-Business-Id", s.tenant());
        assertThat(history.status()).as(history.raw().body()).isEqualTo(200);
        assertThat(history.raw().body()).contains("CustomerErased", "REQUESTED").doesNotContain("ivy@retry.test");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregate_identifier = ?", Integer.class, ivy.toString()))
                .isEqualTo(1);
    }

    @Test
    void retentionErasesOnlyCustomersInactiveForTheWholePeriodAtTheRightInstant() {
        Salon s = salon("Retention Salon");
        // ends 2026-12-02T09:30Z; booked at NOW
        UUID old = UUID.fromString(s.book("2026-12-02T09:00:00Z", "Old Client", "old@retention.test", null, null).text("customerId"));
        // ends a year later
        UUID later = UUID.fromString(s.book("2027-01-20T09:00:00Z", "Later Client", "later@retention.test", null, null).text("customerId"));
        s.customer(old, 1);
        s.customer(later, 1);
        Instant lastActivity = Instant.parse("2026-12-02T09:30:00Z");

        ((TestClock) clock).set(lastActivity.atOffset(java.time.ZoneOffset.UTC).plusYears(3).toInstant().minusSeconds(1));
        retention.sweep();
        assertThat(erasedAt(old)).as("one second before the period is over").isNull();

        ((TestClock) clock).set(lastActivity.atOffset(java.time.ZoneOffset.UTC).plusYears(3).toInstant());
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(erasedAt(old)).isNotNull());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_profile WHERE profile_id = ?", Integer.class, old)).isZero();
        assertThat(erasedAt(later)).as("an appointment after the cutoff keeps the customer").isNull();
        assertThat(s.customer(later, 1).path("name").asString()).isEqualTo("Later Client");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%CustomerErased'", String.class, old.toString())).contains("RETENTION");
    }

    private Instant erasedAt(UUID customer) {
        List<java.sql.Timestamp> at = jdbc.queryForList("SELECT erased_at FROM customer_view WHERE customer_id = ?",
                java.sql.Timestamp.class, customer);
        return at.isEmpty() || at.get(0) == null ? null : at.get(0).toInstant();
    }

    private void assertRejected(Salon s, UUID customer, String body, int status, String code) {
        Api.Response r = api.put("/api/v1/customers/" + customer + "/preferences", body, "X-Business-Id", s.tenant());
        assertThat(r.status()).as(body + " -> " + r.raw().body()).isEqualTo(status);
        assertThat(r.code()).as(body).isEqualTo(code);
        assertThat(r.contentType()).contains("application/problem+json");
    }

    /** The origin the audit history shows for the first event of the type on the salon's calendar. */
    private JsonNode origin(Salon s, String type) {
        Api.Response history = api.get("/api/v1/audit/staff-calendar/" + s.staff + "/events?limit=100", "X-Business-Id", s.tenant());
        assertThat(history.status()).as(history.raw().body()).isEqualTo(200);
        for (JsonNode event : history.json().path("items")) {
            if (event.path("type").asString().endsWith("." + type)) {
                return event.path("metadata");
            }
        }
        throw new AssertionError("no " + type + " in " + history.raw().body());
    }

    /**
     * The stored rows that hold a client address of the customer account {@code user}: the metadata of the events
     * of what it sent, and its authentication events.
     */
    private List<String> storedAddresses(Salon s, UUID user) {
        List<String> stored = new ArrayList<>(rows("""
                SELECT convert_from(meta_data, 'UTF8') FROM domainevententry WHERE aggregate_identifier = ?
                AND convert_from(meta_data, 'UTF8')::jsonb ->> 'customerId' IS NOT NULL""", s.staff.toString()));
        stored.addAll(rows("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE payload_type = 'dev.kairos.booking.access.AuthenticationRecorded'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'user' = ?""", user.toString()));
        return stored;
    }

    private List<String> rows(String sql, Object arg) {
        return jdbc.queryForList(sql, String.class, arg);
    }

    private static List<String> names(Api.Response page) {
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().path("items").forEach(i -> names.add(i.path("name").asString()));
        return names;
    }

    private Salon salon(String name) {
        Scenario scenario = Scenario.business(api, name, "UTC");
        UUID cut = scenario.service("Cut", 30, 0, 0, 30, 0);
        UUID staff = scenario.staff(name + " Mia", "UTC", List.of(cut), "00:00-23:59");
        return new Salon(scenario, cut, staff);
    }

    /** A business with one service and one staff member working around the clock. */
    private final class Salon {
        final Scenario scenario;
        final UUID cut;
        final UUID staff;

        Salon(Scenario scenario, UUID cut, UUID staff) {
            this.scenario = scenario;
            this.cut = cut;
            this.staff = staff;
        }

        String tenant() {
            return scenario.tenant();
        }

        UUID businessId() {
            return scenario.businessId;
        }

        Api.Response book(String start, String name, String email, String phone, String notes) {
            String customer = "{\"name\":\"" + name + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"")
                    + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
            Api.Response r = api.post("/api/v1/businesses/" + businessId() + "/appointments", """
                    {"serviceId":"%s","staffId":"%s","start":"%s","customer":%s%s}""".formatted(cut, staff, start, customer,
                    notes == null ? "" : ",\"notes\":\"" + notes + "\""));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
            return r;
        }

        /** The customer's profile, once it shows {@code appointments} appointments. */
        JsonNode customer(UUID id, int appointments) {
            JsonNode[] found = new JsonNode[1];
            Awaitility.await(id + " known").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                Api.Response r = api.get("/api/v1/customers/" + id, "X-Business-Id", tenant());
                assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
                assertThat(r.json().path("appointments")).hasSize(appointments);
                found[0] = r.json();
            });
            return found[0];
        }

        Api.Response search(String query) {
            return api.get("/api/v1/customers?" + query, "X-Business-Id", tenant());
        }

        void awaitSearch(String query, int hits) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(search(query).json().path("items")).hasSize(hits));
        }

        /** Books for the customer and opens their account from the booking's manage link. */
        Api.Response customerAccount(String start, String name, String email) {
            Api.Response booked = book(start, name, email, null, null);
            Api.Response seen = api.get("/api/v1/appointments/" + booked.text("id"), "X-Business-Id", tenant(),
                    "Consistency-Token", booked.header("Consistency-Token").orElseThrow());
            assertThat(seen.status()).isEqualTo(200);
            Api.Response account = api.anonymous().post("/api/v1/auth/customers/register", "{\"manageToken\":\""
                    + booked.json().path("manage").path("token").asString() + "\",\"password\":\"customer passphrase 2026\"}");
            assertThat(account.status()).as(account.raw().body()).isEqualTo(201);
            return account;
        }

        UUID customerIdOf(Api.Response account) {
            Api.Response me = api.as(account.text("access_token")).get("/api/v1/auth/me");
            return UUID.fromString(me.json().path("memberships").get(0).path("customerId").asString());
        }

        /** A staff member's account, signed in. */
        Api.Response staffMember() {
            String email = "staff." + businessId() + "@erase.test";
            Api.Response added = api.post("/api/v1/businesses/" + businessId() + "/members", """
                    {"email":"%s","name":"Stan Staff","password":"staff passphrase 2026","roles":["staff"],"staffId":"%s"}
                    """.formatted(email, staff));
            assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
            Api.Response login = api.login(email, "staff passphrase 2026", businessId());
            assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
            return login;
        }
    }
}
