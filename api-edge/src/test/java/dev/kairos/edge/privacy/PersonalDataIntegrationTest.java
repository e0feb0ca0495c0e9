package dev.kairos.edge.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import dev.kairos.edge.TestClock;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Personal data in the event store: sealed with the customer's key in every stored event, snapshot, deadline and
 * token; opened transparently for aggregates, projections and auditors; redacted everywhere once the key is destroyed.
 * Calendars are snapshotted every three events, so snapshots hold customers too.
 */
@TestPropertySource(properties = "kairos.calendar.snapshot-threshold=3")
class PersonalDataIntegrationTest extends EngineTest {
    private static final List<String> STORE_TABLES = List.of("domainevententry", "snapshotevententry", "scheduled_tasks", "tokenentry");

    @Autowired
    private EventGateway eventGateway;
    @Autowired
    private TransactionManager axonTransactions;
    @Autowired
    private Clock clock;
    @Autowired
    private LegacyPersonalDataRewrite legacyRewrite;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private ObjectMapper axonMapper;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    private record Salon(Scenario scenario, UUID business, UUID service, UUID mia, UUID noor) {
    }

    private Salon salon(String name) {
        Scenario scenario = Scenario.business(api, name, "Europe/Paris");
        UUID haircut = scenario.service("Haircut", 30, 0, 0, 30, 0);
        UUID mia = scenario.staff("Mia", "Europe/Paris", List.of(haircut), "09:00-17:00");
        UUID noor = scenario.staff("Noor", "Europe/Paris", List.of(haircut), "09:00-17:00");
        return new Salon(scenario, scenario.businessId, haircut, mia, noor);
    }

    private Api.Response book(Salon salon, UUID staff, String start, String name, String email, String phone, String notes) {
        return api.post("/api/v1/businesses/" + salon.business() + "/appointments", """
                {"serviceId":"%s","staffId":"%s","start":"%s","customer":{"name":"%s","email":"%s","phone":"%s"},"notes":"%s"}
                """.formatted(salon.service(), staff, start, name, email, phone, notes));
    }

    private static String created(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("id");
    }

    private List<JsonNode> history(Salon salon, UUID staff) {
        Api.Response r = api.get("/api/v1/audit/staff-calendar/" + staff + "/events?limit=100", "X-Business-Id", salon.business().toString());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private JsonNode booked(Salon salon, UUID staff, String appointmentId) {
        return history(salon, staff).stream()
                .filter(e -> e.path("type").asString().endsWith(".AppointmentBooked")
                        && e.path("payload").path("appointmentId").path("id").asString().equals(appointmentId))
                .findFirst().orElseThrow().path("payload");
    }

    private JsonNode appointment(Salon salon, String id) {
        Api.Response r = api.get("/api/v1/appointments/" + id, "X-Business-Id", salon.business().toString());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    /** Every place where the engine's stores keep bytes or text that contain {@code needle}, ignoring case. */
    private List<String> storedInTheClear(String... needles) {
        List<String> found = new ArrayList<>();
        for (String table : STORE_TABLES) {
            List<String> rows = jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class);
            List<String> byteaColumns = jdbc.queryForList("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_name = ? AND data_type = 'bytea' AND table_schema = current_schema()""", String.class, table);
            for (String column : byteaColumns) {
                for (byte[] value : jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL", byte[].class)) {
                    rows.add(new String(value, StandardCharsets.UTF_8));
                    rows.add(new String(value, StandardCharsets.ISO_8859_1));
                }
            }
            for (String row : rows) {
                for (String needle : needles) {
                    if (row.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))) {
                        found.add(table + ": " + needle);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The latest instant the store recorded for an aggregate. Axon stamps events with the system clock, not the
     * engine's, so point-in-time questions take their instants from the store.
     */
    private Instant lastRecorded(UUID aggregate) {
        return jdbc.queryForList("SELECT time_stamp FROM domainevententry WHERE aggregate_identifier = ?", String.class,
                aggregate.toString()).stream().map(Instant::parse).max(Instant::compareTo).orElseThrow();
    }

    private void erase(CustomerId customer, UUID business, Instant at) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        eventGateway.publish(new CustomerErased(customer, new BusinessId(business), ErasureReason.REQUESTED, at));
        unitOfWork.commit();
    }

    @Test
    void noPersonalDataIsStoredInTheClearYetEveryReaderSeesItWhole() {
        Salon salon = salon("Sealed Salon");
        String zebulon = created(book(salon, salon.mia(), "2026-12-07T10:00:00+01:00", "Zebulon Quickfeather",
                "zebulon.quickfeather@sealed.test", "+4930555123987", "allergic to lavender oil"));
        // moved to Noor: the appointment travels, customer and notes included, in AppointmentTransferredIn
        Api.Response moved = api.post("/api/v1/appointments/" + zebulon + "/reschedule",
                "{\"start\":\"2026-12-07T11:00:00+01:00\",\"staffId\":\"" + salon.noor() + "\"}", "X-Business-Id", salon.business().toString());
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        // Noor's calendar reaches the snapshot threshold with Zebulon's appointments on it
        created(book(salon, salon.noor(), "2026-12-07T13:00:00+01:00", "Zebulon Quickfeather",
                "zebulon.quickfeather@sealed.test", "+4930555123987", "second visit, lavender again"));
        created(book(salon, salon.noor(), "2026-12-07T14:00:00+01:00", "Zebulon Quickfeather",
                "zebulon.quickfeather@sealed.test", "+4930555123987", "third visit"));
        Api.Response joined = api.post("/api/v1/businesses/" + salon.business() + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-08T09:00:00+01:00","to":"2026-12-08T17:00:00+01:00",
                 "customer":{"name":"Philippa Moonwhistle","email":"philippa.moonwhistle@sealed.test","phone":"+4930555777111"}}"""
                .formatted(salon.service()));
        assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
        Api.Response held = api.post("/api/v1/businesses/" + salon.business() + "/holds", """
                {"staffId":"%s","serviceId":"%s","start":"2026-12-07T15:00:00+01:00","holdFor":"PT30M"}"""
                .formatted(salon.mia(), salon.service()));
        assertThat(held.status()).as(held.raw().body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class, salon.noor().toString()) > 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).isPositive();

        // the projections read it whole
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = appointment(salon, zebulon);
            assertThat(view.toString()).contains("Zebulon Quickfeather", "zebulon.quickfeather@sealed.test", "+4930555123987",
                    "allergic to lavender oil");
        });
        // the auditor reads it whole
        JsonNode payload = booked(salon, salon.mia(), zebulon);
        assertThat(payload.path("customer").path("name").asString()).isEqualTo("Zebulon Quickfeather");
        assertThat(payload.path("customer").path("phone").asString()).isEqualTo("+4930555123987");
        assertThat(payload.path("notes").asString()).isEqualTo("allergic to lavender oil");

        // but nothing of it is stored in the clear: events, snapshots, deadlines, tokens
        assertThat(storedInTheClear("Zebulon", "Quickfeather", "zebulon.quickfeather", "555123987", "lavender",
                "Moonwhistle", "Philippa", "555777111")).isEmpty();
        List<Map<String, Object>> personal = jdbc.queryForList("""
                SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload FROM domainevententry
                WHERE payload_type IN ('dev.kairos.booking.calendar.AppointmentBooked',
                    'dev.kairos.booking.calendar.AppointmentTransferredIn', 'dev.kairos.booking.waitlist.WaitlistJoined')
                AND convert_from(payload, 'UTF8')::jsonb -> 'businessId' ->> 'id' = ?""", salon.business().toString());
        assertThat(personal).extracting(r -> r.get("payload_type")).contains("dev.kairos.booking.calendar.AppointmentBooked",
                "dev.kairos.booking.calendar.AppointmentTransferredIn", "dev.kairos.booking.waitlist.WaitlistJoined");
        assertThat(personal).allSatisfy(r -> {
            assertThat(r.get("payload_revision")).isEqualTo("2");
            assertThat((String) r.get("payload")).contains("\"customer\":{\"pii\":\"v1\"");
        });
        // one key per customer, stored wrapped
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_key WHERE destroyed_at IS NULL AND customer_id = ?",
                Long.class, CustomerId.forContact(new BusinessId(salon.business()), "zebulon.quickfeather@sealed.test", null).id()))
                .isEqualTo(1);
    }

    @Test
    void anErasureDestroysTheKeysSoEveryStoredCopyReadsAsErasedWhileTheCalendarKeepsWorking() {
        Salon salon = salon("Shredded Salon");
        String email = "ottoline.vexworth@shred.test";
        CustomerId ottoline = CustomerId.forContact(new BusinessId(salon.business()), email, null);
        String first = created(book(salon, salon.mia(), "2026-12-07T10:00:00+01:00", "Ottoline Vexworth", email,
                "+4930555246813", "fear of needles"));
        String second = created(book(salon, salon.mia(), "2026-12-07T11:00:00+01:00", "Ottoline Vexworth", email,
                "+4930555246813", "bring the blue folder"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class, salon.mia().toString()) > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> appointment(salon, second).toString().contains("Ottoline"));

        // an erasure whose transaction fails destroys nothing
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        failing.attachTransaction(axonTransactions);
        eventGateway.publish(new CustomerErased(ottoline, new BusinessId(salon.business()), ErasureReason.REQUESTED, NOW));
        failing.onPrepareCommit(u -> {
            throw new IllegalStateException("the erasure's transaction fails after its handlers ran");
        });
        assertThatThrownBy(failing::commit).hasMessageContaining("fails after its handlers ran");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_key WHERE customer_id = ? AND destroyed_at IS NULL",
                Long.class, ottoline.id())).isEqualTo(1);
        assertThat(booked(salon, salon.mia(), first).path("customer").path("name").asString()).isEqualTo("Ottoline Vexworth");

        Instant erasedAt = NOW.plus(Duration.ofHours(1));
        ((TestClock) clock).set(erasedAt);
        erase(ottoline, salon.business(), erasedAt);
        assertThat(jdbc.queryForList("SELECT wrapped_key FROM customer_key WHERE customer_id = ?", byte[].class, ottoline.id()))
                .isNotEmpty().containsOnlyNulls();

        // the audit history: the events are all there, their personal data erased
        for (String id : List.of(first, second)) {
            JsonNode payload = booked(salon, salon.mia(), id);
            assertThat(payload.path("customer").path("name").asString()).isEqualTo(CustomerDetails.ERASED_NAME);
            assertThat(payload.path("customer").path("email").isNull()).isTrue();
            assertThat(payload.path("customer").path("phone").isNull()).isTrue();
            assertThat(payload.path("notes").isNull()).isTrue();
            assertThat(payload.path("customerId").path("id").asString()).isEqualTo(ottoline.id().toString());
        }
        // the calendar as of a past instant is rebuilt from the erased events
        Instant past = lastRecorded(salon.mia());
        Api.Response then = api.get("/api/v1/audit/calendars/" + salon.mia() + "?at=" + past, "X-Business-Id", salon.business().toString());
        assertThat(then.status()).as(then.raw().body()).isEqualTo(200);
        assertThat(then.json().path("appointments")).hasSize(2);
        Api.Response firstThen = api.get("/api/v1/audit/appointments/" + first + "?at=" + past, "X-Business-Id", salon.business().toString());
        assertThat(firstThen.status()).as(firstThen.raw().body()).isEqualTo(200);

        // the calendar aggregate still decides: the erased customer's appointments keep their time and can change
        Api.Response clash = book(salon, salon.mia(), "2026-12-07T10:00:00+01:00", "Someone Else", "someone@shred.test",
                "+4930555000001", "x");
        assertThat(clash.status()).as(clash.raw().body()).isEqualTo(409);
        Api.Response moved = api.post("/api/v1/appointments/" + first + "/reschedule", "{\"start\":\"2026-12-07T12:00:00+01:00\"}", "X-Business-Id", salon.business().toString());
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        Api.Response cancelled = api.post("/api/v1/appointments/" + second + "/cancel", "{\"reason\":\"erased customer\"}", "X-Business-Id", salon.business().toString());
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        created(book(salon, salon.mia(), "2026-12-07T14:00:00+01:00", "Someone Else", "someone@shred.test", "+4930555000001", "x"));
        // those changes took Mia's calendar past a snapshot again: written from a calendar that still had the customer
        // in memory, it stores the erased form and asks for no new key
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT max(sequence_number) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class,
                salon.mia().toString()) >= 5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_key WHERE customer_id = ? AND destroyed_at IS NULL",
                Long.class, ottoline.id())).isZero();
        assertThat(storedInTheClear("Ottoline", "Vexworth", "555246813", "needles", "blue folder")).isEmpty();

        // a rebuilt schedule projection shows the erased form
        Api.Response rebuilding = api.post("/api/v1/platform/projections/schedule/rebuild", null);
        assertThat(rebuilding.status()).as(rebuilding.raw().body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = api.get("/api/v1/platform/projections/schedule").json();
            return !status.path("replaying").asBoolean() && status.path("rebuild").path("finishedAt").isString();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = appointment(salon, second);
            assertThat(view.toString()).doesNotContain("Ottoline", "ottoline", "blue folder", "555246813")
                    .contains(CustomerDetails.ERASED_NAME);
        });

        // the same customer books again after the erasure: a new key, their new data readable, the old stays erased
        ((TestClock) clock).set(erasedAt.plus(Duration.ofMinutes(5)));
        String again = created(book(salon, salon.noor(), "2026-12-08T10:00:00+01:00", "Ottoline Vexworth", email,
                "+4930555246813", "back again"));
        List<UUID> keys = jdbc.queryForList("SELECT key_id FROM customer_key WHERE customer_id = ? AND destroyed_at IS NULL",
                UUID.class, ottoline.id());
        assertThat(keys).hasSize(1);
        JsonNode fresh = booked(salon, salon.noor(), again);
        assertThat(fresh.path("customer").path("name").asString()).isEqualTo("Ottoline Vexworth");
        assertThat(fresh.path("notes").asString()).isEqualTo("back again");
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE payload_type = 'dev.kairos.booking.calendar.AppointmentBooked' AND aggregate_identifier = ?""",
                String.class, salon.noor().toString())).contains(keys.get(0).toString());
        assertThat(booked(salon, salon.mia(), first).path("customer").path("name").asString()).isEqualTo(CustomerDetails.ERASED_NAME);
    }

    @Test
    void rowsAnOlderEngineStoredInTheClearAreUpcastThenRewrittenSealed() {
        Salon salon = salon("Legacy Salon");
        // an appointment of a customer whose data is still wanted, and one of a customer erased since
        String mildred = "mildred.thistlewood@legacy.test";
        String barnaby = "barnaby.crumplehorn@legacy.test";
        AppointmentId kept = new AppointmentId(UUID.nameUUIDFromBytes("legacy-kept".getBytes(StandardCharsets.UTF_8)));
        AppointmentId forgotten = new AppointmentId(UUID.nameUUIDFromBytes("legacy-forgotten".getBytes(StandardCharsets.UTF_8)));
        CustomerId mildredId = CustomerId.forContact(new BusinessId(salon.business()), mildred, null);
        CustomerId barnabyId = CustomerId.forContact(new BusinessId(salon.business()), barnaby, null);
        // Barnaby was erased (under this engine) after the older engine stored his booking
        ((TestClock) clock).set(NOW.plus(Duration.ofMinutes(10)));
        erase(barnabyId, salon.business(), clock.instant());
        insertLegacyBooking(salon, kept, "Mildred Thistlewood", mildred, "knee surgery last spring", "2026-12-09T09:00:00Z");
        insertLegacyBooking(salon, forgotten, "Barnaby Crumplehorn", barnaby, "prefers the window seat", "2026-12-09T10:00:00Z");
        assertThat(storedInTheClear("Thistlewood", "knee surgery", "Crumplehorn")).isNotEmpty();

        // the projections read the old shape through the upcaster: sealed under a new key for Mildred, redacted for
        // Barnaby, whose erasure came after it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(appointment(salon, kept.id().toString()).toString()).contains("Mildred Thistlewood", "knee surgery last spring");
            assertThat(appointment(salon, forgotten.id().toString()).toString()).contains(CustomerDetails.ERASED_NAME)
                    .doesNotContain("Crumplehorn", "window seat");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_key WHERE customer_id = ? AND destroyed_at IS NULL",
                Long.class, mildredId.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_key WHERE customer_id = ? AND destroyed_at IS NULL",
                Long.class, barnabyId.id())).isZero();
        // so does the audit history, which reads the stored rows
        assertThat(booked(salon, salon.mia(), forgotten.id().toString()).path("customer").path("name").asString())
                .isEqualTo(CustomerDetails.ERASED_NAME);
        assertThat(booked(salon, salon.mia(), kept.id().toString()).path("customer").path("name").asString())
                .isEqualTo("Mildred Thistlewood");

        // before the rewrite the old shape loads through the upcaster: the calendar knows both appointments
        Api.Response clash = book(salon, salon.mia(), "2026-12-09T10:00:00+01:00", "New Comer", "new.comer@legacy.test",
                "+4930555000002", "x");
        assertThat(clash.status()).as(clash.raw().body()).isEqualTo(409);
        Api.Response then = api.get("/api/v1/audit/calendars/" + salon.mia() + "?at=" + lastRecorded(salon.mia()), "X-Business-Id", salon.business().toString());
        assertThat(then.status()).as(then.raw().body()).isEqualTo(200);
        assertThat(then.json().path("appointments")).hasSize(2);

        // a snapshot an older engine wrote: the same JSON with the personal data in the clear
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class, salon.mia().toString()) > 0);
        jdbc.query("SELECT sequence_number, payload FROM snapshotevententry WHERE aggregate_identifier = ?", rs -> {
            jdbc.update("UPDATE snapshotevententry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    personalDataOpened(rs.getBytes(2)), salon.mia().toString(), rs.getLong(1));
        }, salon.mia().toString());
        assertThat(storedInTheClear("Thistlewood")).anyMatch(s -> s.startsWith("snapshotevententry"));
        jdbc.update("DELETE FROM privacy_legacy_rewrite WHERE store = 'snapshots'");

        LegacyPersonalDataRewrite.Rewritten rewritten = legacyRewrite.rewrite();
        assertThat(rewritten.events()).isEqualTo(2);
        assertThat(rewritten.snapshots()).isEqualTo(1);
        assertThat(storedInTheClear("Thistlewood", "knee surgery", "Crumplehorn", "window seat", "legacy.test")).isEmpty();
        assertThat(jdbc.queryForList("SELECT payload_revision FROM domainevententry WHERE aggregate_identifier = ? "
                + "AND payload_type = 'dev.kairos.booking.calendar.AppointmentBooked'", String.class, salon.mia().toString()))
                .containsOnly("2");
        // idempotent
        assertThat(legacyRewrite.rewrite()).isEqualTo(new LegacyPersonalDataRewrite.Rewritten(0, 0));

        // the kept customer reads whole, the erased one erased; the calendar still decides from the rewritten rows
        JsonNode keptPayload = booked(salon, salon.mia(), kept.id().toString());
        assertThat(keptPayload.path("customer").path("name").asString()).isEqualTo("Mildred Thistlewood");
        assertThat(keptPayload.path("notes").asString()).isEqualTo("knee surgery last spring");
        JsonNode forgottenPayload = booked(salon, salon.mia(), forgotten.id().toString());
        assertThat(forgottenPayload.path("customer").path("name").asString()).isEqualTo(CustomerDetails.ERASED_NAME);
        assertThat(forgottenPayload.path("notes").isNull()).isTrue();
        Api.Response stillClash = book(salon, salon.mia(), "2026-12-09T10:00:00+01:00", "New Comer", "new.comer@legacy.test",
                "+4930555000002", "x");
        assertThat(stillClash.status()).as(stillClash.raw().body()).isEqualTo(409);
        created(book(salon, salon.mia(), "2026-12-09T12:00:00+01:00", "New Comer", "new.comer@legacy.test", "+4930555000002", "x"));
        Api.Response thenAfter = api.get("/api/v1/audit/calendars/" + salon.mia() + "?at=" + lastRecorded(salon.mia()), "X-Business-Id", salon.business().toString());
        assertThat(thenAfter.status()).as(thenAfter.raw().body()).isEqualTo(200);
        assertThat(thenAfter.json().path("appointments")).hasSize(3);
    }

    @Test
    void aBookingUnderTheReservedErasedNameIsRefused() {
        Salon salon = salon("Reserved Salon");
        for (String customer : List.of("{\"name\":\"[erased]\"}", "{\"name\":\"[erased]\",\"email\":\"x@reserved.test\"}")) {
            Api.Response r = api.post("/api/v1/businesses/" + salon.business() + "/appointments", """
                    {"serviceId":"%s","staffId":"%s","start":"2026-12-07T10:00:00+01:00","customer":%s}"""
                    .formatted(salon.service(), salon.mia(), customer));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("validation-failed");
            assertThat(r.contentType()).contains("application/problem+json");
        }
        Api.Response waitlist = api.post("/api/v1/businesses/" + salon.business() + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-08T09:00:00+01:00","to":"2026-12-08T17:00:00+01:00","customer":{"name":"[erased]"}}"""
                .formatted(salon.service()));
        assertThat(waitlist.status()).as(waitlist.raw().body()).isEqualTo(422);
        assertThat(waitlist.code()).isEqualTo("validation-failed");
        created(book(salon, salon.mia(), "2026-12-07T10:00:00+01:00", "Erased Not", "erased.not@reserved.test", "+4930555000003", "x"));
    }

    @Autowired
    private CustomerKeys customerKeys;
    @Autowired
    private org.springframework.transaction.PlatformTransactionManager springTransactions;

    @Test
    void aKeyCountsOnlyOnceItsTransactionCommitsAndNeverAfterItsDestructionCommits() {
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(springTransactions);
        CustomerId customer = CustomerId.forContact(new BusinessId(UUID.nameUUIDFromBytes("keys".getBytes(StandardCharsets.UTF_8))),
                "keys@keys.test", null);
        // created by a transaction that rolls back: gone, and not remembered
        UUID rolledBack = transaction.execute(s -> {
            UUID id = customerKeys.current(customer).keyId();
            assertThat(customerKeys.current(customer).keyId()).as("the same key within its transaction").isEqualTo(id);
            s.setRollbackOnly();
            return id;
        });
        assertThat(customerKeys.find(rolledBack)).isEmpty();
        CustomerKeys.DataKey live = transaction.execute(s -> customerKeys.current(customer));
        assertThat(live.keyId()).isNotEqualTo(rolledBack);
        assertThat(customerKeys.current(customer).keyId()).isEqualTo(live.keyId());
        assertThat(customerKeys.find(live.keyId())).map(CustomerKeys.DataKey::key).contains(live.key());

        // a destruction that rolls back leaves the key usable; one that commits ends it on this node at once
        transaction.executeWithoutResult(s -> {
            assertThat(customerKeys.destroy(customer, NOW)).containsExactly(live.keyId());
            s.setRollbackOnly();
        });
        assertThat(customerKeys.find(live.keyId())).isPresent();
        assertThat(customerKeys.lastErasure(customer)).isEmpty();
        transaction.executeWithoutResult(s -> customerKeys.destroy(customer, NOW));
        assertThat(customerKeys.find(live.keyId())).isEmpty();
        assertThat(customerKeys.lastErasure(customer)).contains(NOW);
        CustomerKeys.DataKey next = transaction.execute(s -> customerKeys.current(customer));
        assertThat(next.keyId()).isNotIn(live.keyId(), rolledBack);
    }

    @Test
    void aClientAddressIsSealedOnlyUnderAKeyTheCustomerHasAndDroppedWithoutOne() {
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(springTransactions);
        BusinessId business = new BusinessId(UUID.nameUUIDFromBytes("addresses".getBytes(StandardCharsets.UTF_8)));
        CustomerId stranger = CustomerId.forContact(business, "stranger@addresses.test", null);
        CustomerId known = CustomerId.forContact(business, "known@addresses.test", null);
        transaction.execute(s -> customerKeys.current(known));

        // no key: the address is dropped, and no key is made for it
        ObjectNode withoutKey = metadata(stranger, "203.0.113.9");
        Boolean changed = transaction.execute(s -> personalData.seal(withoutKey, PersonalData.Plaintext.SEAL));
        assertThat(changed).isTrue();
        assertThat(withoutKey.get("ip").isNull()).isTrue();
        assertThat(withoutKey.get("who").asText()).isEqualTo("user:someone");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_key WHERE customer_id = ?", Long.class, stranger.id())).isZero();

        // a key: sealed under it, opened for readers, gone with the key
        ObjectNode withKey = metadata(known, "203.0.113.10");
        transaction.execute(s -> personalData.seal(withKey, PersonalData.Plaintext.SEAL));
        assertThat(withKey.get("ip").path("pii").asText()).isEqualTo("v1");
        assertThat(withKey.toString()).doesNotContain("203.0.113.10");
        byte[] stored = withKey.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(personalData.open(stored), StandardCharsets.UTF_8)).contains("\"ip\":\"203.0.113.10\"");
        transaction.executeWithoutResult(s -> customerKeys.destroy(known, NOW));
        assertThat(new String(personalData.open(stored), StandardCharsets.UTF_8)).contains("\"ip\":null")
                .doesNotContain("203.0.113.10");
    }

    private static ObjectNode metadata(CustomerId customer, String ip) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("who", "user:someone");
        node.put("ip", ip);
        node.put("customerId", customer.id().toString());
        return node;
    }

    /**
     * An AppointmentBooked as the engine stored it before personal data was sealed: revision null, in the clear, recorded
     * at the instant of the calendar's latest event.
     */
    private void insertLegacyBooking(Salon salon, AppointmentId id, String name, String email, String notes, String start) {
        BusinessId business = new BusinessId(salon.business());
        Instant from = Instant.parse(start);
        TimeSlot slot = new TimeSlot(from, from.plus(Duration.ofMinutes(30)));
        AppointmentBooked event = new AppointmentBooked(id, business, new StaffId(salon.mia()), new ServiceId(salon.service()),
                CustomerId.forContact(business, email, null), new CustomerDetails(name, email, null), slot, slot, notes,
                Map.of(), NOW);
        try {
            jdbc.update("""
                            INSERT INTO domainevententry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
                            VALUES (?, ?, (SELECT max(sequence_number) + 1 FROM domainevententry WHERE aggregate_identifier = ?),
                                'StaffCalendar', ?, 'dev.kairos.booking.calendar.AppointmentBooked', NULL, ?, ?)""",
                    UUID.nameUUIDFromBytes(("event-" + id.id()).getBytes(StandardCharsets.UTF_8)).toString(),
                    salon.mia().toString(), salon.mia().toString(), lastRecorded(salon.mia()).toString(),
                    axonMapper.writeValueAsBytes(event),
                    "{}".getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    private PersonalData personalData;

    private byte[] personalDataOpened(byte[] sealed) {
        return personalData.open(sealed);
    }
}
