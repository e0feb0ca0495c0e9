package dev.kairos.edge.replay;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding the schedule and customer projections from the event store gives back exactly the read model the
 * engine had built while it ran, and the API goes on answering while it happens.
 */
class RebuildProjectionsIntegrationTest extends EngineTest {
    /** Every table the two groups own (docs/architecture.md, processing groups). */
    private static final List<String> SCHEDULE_TABLES = List.of("business_view", "service_view", "staff_view", "staff_service",
            "appointment_view", "appointment_policy_decision", "time_off_view", "holiday_view", "hold_view", "waitlist_view",
            "series_view", "schedule_position", "customer_erasure");
    private static final List<String> CUSTOMER_TABLES = List.of("customer_view", "customer_appointment",
            "customer_contact", "customer_profile");
    /** Past bookings of another tenant, appended straight to the event store so that a replay takes a while. */
    private static final int FILLER_STAFF = 4;
    private static final int FILLER_BOOKINGS = 2_500;
    private static final Duration REBUILD_WITHIN = Duration.ofMinutes(2);

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private PlatformTransactionManager transactions;

    private static boolean filled;

    @BeforeEach
    void anotherTenantsHistory() {
        if (filled) {
            return;
        }
        filled = true;
        List<DomainEventMessage<?>> events = new ArrayList<>();
        BusinessId business = new BusinessId(UUID.nameUUIDFromBytes("filler business".getBytes(StandardCharsets.UTF_8)));
        ServiceId service = new ServiceId(UUID.nameUUIDFromBytes("filler service".getBytes(StandardCharsets.UTF_8)));
        Duration length = Duration.ofMinutes(30);
        events.add(new GenericDomainEventMessage<>("Business", business.toString(), 0,
                new BusinessRegistered(business, new BusinessProfile("Filler", ZoneOffset.UTC, "EUR", Map.of()))));
        events.add(new GenericDomainEventMessage<>("ServiceOffering", service.toString(), 0, new ServiceDefined(service, business,
                new ServiceTerms("Filler service", null, length, new Money(new BigDecimal("40.00"), "EUR"), Duration.ZERO,
                        Duration.ZERO, length, Duration.ZERO, 60, null, 1, null))));
        WorkingInterval hours = new WorkingInterval(LocalTime.of(8, 0), LocalTime.of(20, 0));
        WeeklySchedule everyDay = new WeeklySchedule(Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(d -> d, d -> List.of(hours))));
        Instant historyStart = NOW.minus(Duration.ofDays(400));
        for (int s = 0; s < FILLER_STAFF; s++) {
            StaffId staff = new StaffId(UUID.nameUUIDFromBytes(("filler staff " + s).getBytes(StandardCharsets.UTF_8)));
            events.add(new GenericDomainEventMessage<>("StaffCalendar", staff.toString(), 0, new StaffMemberRegistered(staff, business,
                    new StaffProfile("Filler " + s, null, null, ZoneOffset.UTC), everyDay, Set.of(service))));
            for (int b = 0; b < FILLER_BOOKINGS; b++) {
                Instant start = historyStart.plus(Duration.ofDays(b / 24)).plus(length.multipliedBy(b % 24));
                TimeSlot slot = TimeSlot.of(start, length);
                String email = "customer" + (b % 300) + "@filler.example";
                events.add(new GenericDomainEventMessage<>("StaffCalendar", staff.toString(), b + 1, new AppointmentBooked(
                        new AppointmentId(UUID.nameUUIDFromBytes(("filler " + s + "/" + b).getBytes(StandardCharsets.UTF_8))),
                        business, staff, service, CustomerId.forContact(business, email, null),
                        new CustomerDetails("Filler Customer", email, null), slot, slot, null, Map.of(), start.minus(Duration.ofDays(3)))));
            }
        }
        new TransactionTemplate(transactions).executeWithoutResult(tx -> storage.appendEvents(events));
        awaitCaughtUp("schedule");
        awaitCaughtUp("customers");
    }

    @Test
    void aRebuiltReadModelIsIdenticalToTheOneBuiltWhileTheEngineRan() {
        scenario();
        awaitCaughtUp("schedule");
        awaitCaughtUp("customers");
        String schedule = dump(SCHEDULE_TABLES);
        String customers = dump(CUSTOMER_TABLES);
        assertThat(schedule).contains("appointment_view", "CANCELLED", "hold_view", "CONFIRMED", "RELEASED", "series_view", "waitlist_view",
                "[erased]", "customer_erasure");
        assertThat(customers).contains("[erased]", "Pia Phone", "phone:+4915112345678", "de", "SMS").doesNotContain("hal@example.com",
                "sam@example.com");
        // rows no event wrote: a clean rebuild leaves none of them
        jdbc.update("INSERT INTO schedule_position (aggregate_id, sequence) VALUES ('not-an-aggregate', 7)");
        UUID stray = UUID.randomUUID();
        jdbc.update("INSERT INTO customer_view (customer_id, business_id, profile_id) VALUES (?, ?, ?)", stray, UUID.randomUUID(), stray);

        Api.Response rebuilding = api.post("/api/v1/platform/projections/schedule/rebuild", null);
        assertThat(rebuilding.status()).as(rebuilding.raw().body()).isEqualTo(202);
        assertThat(rebuilding.header("Location")).contains("/api/v1/platform/projections/schedule");
        assertThat(rebuilding.json().path("rebuild").path("target").asLong()).isEqualTo(head());
        assertThat(api.post("/api/v1/platform/projections/customers/rebuild", null).status()).isEqualTo(202);

        JsonNode rebuilt = awaitRebuilt("schedule");
        assertThat(rebuilt.path("rebuild").path("replayed").asLong()).isEqualTo(rebuilt.path("rebuild").path("target").asLong());
        assertThat(rebuilt.path("rebuild").path("eventsPerSecond").asLong()).isPositive();
        awaitRebuilt("customers");
        assertIdentical(dump(SCHEDULE_TABLES), schedule);
        assertIdentical(dump(CUSTOMER_TABLES), customers);
    }

    @Test
    void theApiAnswersQueriesAndTakesCommandsWhileAProjectionIsRebuilt() {
        Scenario salon = Scenario.business(api, "Busy Salon", "UTC");
        UUID cut = salon.service("Cut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "08:00-20:00");
        Api.Response first = salon.book(cut, mia, "2026-12-02T08:00:00Z", "Ada");
        assertThat(first.status()).isEqualTo(201);
        awaitCaughtUp("schedule");

        Api.Response rebuilding = api.post("/api/v1/platform/projections/schedule/rebuild", null);
        assertThat(rebuilding.status()).as(rebuilding.raw().body()).isEqualTo(202);
        assertThat(rebuilding.json().path("replaying").asBoolean()).isTrue();
        List<String> booked = new ArrayList<>();
        int whileReplaying = 0;
        for (int i = 0; i < 20 && replaying("schedule"); i++) {
            Api.Response book = salon.book(cut, mia, Instant.parse("2026-12-03T08:00:00Z").plus(Duration.ofMinutes(30L * i)).toString(), "Guest" + i);
            assertThat(book.status()).as(book.raw().body()).isEqualTo(201);
            booked.add(book.text("id"));
            // the read model is being refilled: an answer or "not found (yet)", never a failure
            Api.Response read = api.get("/api/v1/appointments/" + first.text("id"), "X-Business-Id", salon.tenant());
            assertThat(read.status()).as(read.raw().body()).isIn(200, 404);
            Api.Response free = api.get("/api/v1/availability/staff/" + mia + "?serviceId=" + cut + "&from=2026-12-04&to=2026-12-04",
                    "X-Business-Id", salon.tenant());
            assertThat(free.status()).as(free.raw().body()).isIn(200, 404);
            assertThat(api.get("/api/v1/platform/projections").status()).isEqualTo(200);
            whileReplaying++;
        }
        assertThat(whileReplaying).as("requests answered during the replay").isPositive();

        awaitRebuilt("schedule");
        for (String id : booked) {
            Api.Response read = api.get("/api/v1/appointments/" + id, "X-Business-Id", salon.tenant());
            assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_view WHERE business_id = ?", Long.class, salon.businessId))
                .isEqualTo(booked.size() + 1L);
    }

    @Test
    void reportsEveryGroupAndRefusesWhatCannotBeReplayed() {
        Api.Response all = api.get("/api/v1/platform/projections");
        assertThat(all.status()).isEqualTo(200);
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        all.json().forEach(g -> groups.put(g.path("group").asString(), g));
        assertThat(groups).containsKeys("schedule", "customers", "waitlist", "webhooks", "command-lookups", "access-log");
        assertThat(groups.get("schedule").path("mode").asString()).isEqualTo("pooled-streaming");
        assertThat(groups.get("schedule").path("replayable").asBoolean()).isTrue();
        assertThat(groups.get("schedule").path("segments")).hasSize(8);
        assertThat(groups.get("schedule").path("head").asLong()).isEqualTo(head());
        assertThat(groups.get("command-lookups").path("mode").asString()).isEqualTo("subscribing");
        assertThat(groups.get("command-lookups").path("replayable").asBoolean()).isFalse();
        assertThat(groups.get("waitlist").path("replayable").asBoolean()).isFalse();

        long events = storedEvents();
        assertThat(groups.get("webhooks").path("replayable").asBoolean()).isFalse();
        for (String group : List.of("command-lookups", "access-log", "waitlist", "webhooks")) {
            Api.Response refused = api.post("/api/v1/platform/projections/" + group + "/rebuild", null);
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("projection-not-replayable");
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(api.get("/api/v1/platform/projections/waitlist").json().path("running").asBoolean()).isTrue();
        Api.Response unknown = api.post("/api/v1/platform/projections/no-such-group/rebuild", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("projection-not-found");
        assertThat(api.get("/api/v1/platform/projections/no-such-group").code()).isEqualTo("projection-not-found");
        assertThat(storedEvents()).isEqualTo(events);
    }

    /** Bookings, reschedules (one to another staff member), cancellations, holds, a series and a waitlist entry. */
    private void scenario() {
        Scenario salon = Scenario.business(api, "Replay Salon", "Europe/Berlin");
        UUID cut = salon.service("Cut", 60, 0, 15, 30, 0);
        UUID colour = salon.service("Colour", 90, 10, 10, 30, 60);
        UUID mia = salon.staff("Mia", "Europe/Berlin", List.of(cut, colour), "09:00-17:00");
        UUID leo = salon.staff("Leo", "Europe/London", List.of(cut), "10:00-18:00");
        String tenant = salon.tenant();
        List<String> ids = new ArrayList<>();
        for (int day = 2; day <= 9; day++) {
            for (String time : List.of("09:00", "11:00", "14:00")) {
                Api.Response r = salon.book(day % 2 == 0 ? cut : colour, mia, "2026-12-%02dT%s:00+01:00".formatted(day, time), "Client" + day + time.charAt(1));
                assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
                ids.add(r.text("id"));
            }
        }
        for (int i = 0; i < ids.size(); i += 4) {
            Api.Response moved = api.post("/api/v1/appointments/" + ids.get(i) + "/reschedule",
                    "{\"start\":\"2026-12-%02dT12:30:00+01:00\"}".formatted(10 + i / 4), "X-Business-Id", tenant);
            assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/appointments/" + ids.get(2) + "/reschedule",
                "{\"start\":\"2026-12-15T11:00:00Z\",\"staffId\":\"" + leo + "\"}", "X-Business-Id", tenant).status()).isEqualTo(200);
        for (int i = 1; i < ids.size(); i += 5) {
            assertThat(api.post("/api/v1/appointments/" + ids.get(i) + "/cancel", null, "X-Business-Id", tenant).status()).isEqualTo(200);
        }
        Api.Response kept = hold(salon, leo, cut, "2026-12-16T10:00:00Z");
        assertThat(api.post("/api/v1/holds/" + kept.text("id") + "/confirm", "{\"customer\":{\"name\":\"Hal\",\"email\":\"hal@example.com\"}}",
                "X-Business-Id", tenant).status()).isEqualTo(201);
        Api.Response dropped = hold(salon, leo, cut, "2026-12-16T12:00:00Z");
        assertThat(api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/holds/" + dropped.text("id"))).DELETE(),
                "X-Business-Id", tenant).status()).isEqualTo(200);
        hold(salon, leo, cut, "2026-12-17T12:00:00Z");
        Api.Response series = api.post("/api/v1/businesses/" + salon.businessId + "/series", """
                {"staffId":"%s","serviceId":"%s","rule":"FREQ=WEEKLY;COUNT=4","start":"2026-12-21T13:00:00","mode":"ALL_OR_NOTHING",
                 "customer":{"name":"Sam","email":"sam@example.com"}}""".formatted(leo, cut));
        assertThat(series.status()).as(series.raw().body()).isEqualTo(201);
        Api.Response one = api.post("/api/v1/series/" + series.text("id") + "/cancel", "{\"scope\":\"ONE\",\"appointmentId\":\""
                + series.json().path("booked").get(1).path("appointmentId").asString() + "\"}", "X-Business-Id", tenant);
        assertThat(one.status()).as(one.raw().body()).isEqualTo(200);
        Api.Response waiting = api.post("/api/v1/businesses/" + salon.businessId + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-22T00:00:00Z","to":"2026-12-23T00:00:00Z","customer":{"name":"Wes","email":"wes@example.com"}}"""
                .formatted(colour));
        assertThat(waiting.status()).as(waiting.raw().body()).isEqualTo(201);
        assertThat(api.post("/api/v1/businesses/" + salon.businessId + "/staff/" + mia + "/time-off",
                "{\"start\":\"2026-12-18T10:00:00Z\",\"end\":\"2026-12-18T12:00:00Z\",\"reason\":\"errand\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/businesses/" + salon.businessId + "/holidays", "{\"name\":\"Closed\",\"from\":\"2026-12-31\"}")
                .status()).isEqualTo(201);
        // one customer booked once by phone only, once with email and phone: one profile with preferences
        Api.Response byPhone = api.post("/api/v1/businesses/" + salon.businessId + "/appointments", """
                {"serviceId":"%s","staffId":"%s","start":"2026-12-11T09:00:00+01:00","customer":{"name":"Pia","phone":"+4915112345678"}}"""
                .formatted(cut, mia));
        assertThat(byPhone.status()).as(byPhone.raw().body()).isEqualTo(201);
        Api.Response byEmail = api.post("/api/v1/businesses/" + salon.businessId + "/appointments", """
                {"serviceId":"%s","staffId":"%s","start":"2026-12-11T11:00:00+01:00",
                 "customer":{"name":"Pia Phone","email":"pia@example.com","phone":"+4915112345678"}}""".formatted(cut, mia));
        assertThat(byEmail.status()).as(byEmail.raw().body()).isEqualTo(201);
        awaitCustomer(tenant, byPhone.text("customerId"));
        awaitCustomer(tenant, byEmail.text("customerId"));
        Api.Response preferences = api.put("/api/v1/customers/" + byEmail.text("customerId") + "/preferences",
                "{\"timeZone\":\"Europe/Berlin\",\"language\":\"de\",\"channel\":\"SMS\"}", "X-Business-Id", tenant);
        assertThat(preferences.status()).as(preferences.raw().body()).isEqualTo(200);
        // Hal (who confirmed a hold) and Sam (a series) are erased
        for (String email : List.of("hal@example.com", "sam@example.com")) {
            String customer = CustomerId.forContact(new BusinessId(salon.businessId), email, null).toString();
            awaitCustomer(tenant, customer);
            Api.Response erased = api.post("/api/v1/customers/" + customer + "/erase", null, "X-Business-Id", tenant);
            assertThat(erased.status()).as(erased.raw().body()).isEqualTo(202);
        }
    }

    private void awaitCustomer(String tenant, String customerId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/v1/customers/" + customerId, "X-Business-Id", tenant).status()).isEqualTo(200));
    }

    private Api.Response hold(Scenario salon, UUID staff, UUID service, String start) {
        Api.Response r = api.post("/api/v1/businesses/" + salon.businessId + "/holds",
                "{\"staffId\":\"" + staff + "\",\"serviceId\":\"" + service + "\",\"start\":\"" + start + "\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    /** Every row of every table, each as its whole text, in order. */
    private String dump(List<String> tables) {
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            dump.append("== ").append(table).append('\n');
            jdbc.queryForList("SELECT t::text AS row FROM " + table + " t ORDER BY 1", String.class)
                    .forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString();
    }

    /** Byte-identical; on a difference, names the rows only one side has. */
    private static void assertIdentical(String rebuilt, String original) {
        List<String> before = List.of(original.split("\n"));
        List<String> after = List.of(rebuilt.split("\n"));
        assertThat(after.stream().filter(row -> !before.contains(row)).toList()).as("rows only after the rebuild").isEmpty();
        assertThat(before.stream().filter(row -> !after.contains(row)).toList()).as("rows lost in the rebuild").isEmpty();
        assertThat(rebuilt).isEqualTo(original);
    }

    private long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domainevententry", Long.class);
    }

    private boolean replaying(String group) {
        return api.get("/api/v1/platform/projections/" + group).json().path("replaying").asBoolean();
    }

    private void awaitCaughtUp(String group) {
        long head = head();
        await(group, s -> s.path("position").isNumber() && s.path("position").asLong() >= head && !s.path("replaying").asBoolean());
    }

    private JsonNode awaitRebuilt(String group) {
        return await(group, s -> !s.path("replaying").asBoolean() && s.path("rebuild").path("finishedAt").isString());
    }

    private JsonNode await(String group, java.util.function.Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + REBUILD_WITHIN.toNanos();
        while (true) {
            Api.Response r = api.get("/api/v1/platform/projections/" + group);
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            if (done.test(r.json())) {
                return r.json();
            }
            assertThat(System.nanoTime()).as(group + " did not get there: " + r.raw().body()).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
