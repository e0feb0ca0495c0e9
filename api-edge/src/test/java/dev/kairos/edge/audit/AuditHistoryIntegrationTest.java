package dev.kairos.edge.audit;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHistoryIntegrationTest extends EngineTest {
    private static final String PASSWORD = "a long enough audit passphrase";

    private record Owner(UUID userId, UUID business, Api api) {
    }

    private Owner owner(String business, String email) {
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"Europe/Paris","currency":"EUR"},
                 "owner":{"name":"Olga Owner","email":"%s","password":"%s"}}""".formatted(business, email, PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        Api owners = api.as(r.text("access_token"));
        UUID userId = UUID.fromString(owners.get("/api/v1/auth/me").text("userId"));
        return new Owner(userId, UUID.fromString(r.text("businessId")), owners);
    }

    private static List<JsonNode> items(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    @Test
    void aCalendarsHistoryNamesWhoChangedItFromWhereAndTheCommandEachEventCameFrom() {
        Owner olga = owner("Audited Salon", "olga@audit.test");
        Scenario salon = Scenario.of(olga.api(), olga.business());
        UUID haircut = salon.service("Haircut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "Europe/Paris", List.of(haircut), "09:00-17:00");
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T10:00:00+01:00", "Ann");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        String path = "/api/v1/appointments/" + booked.text("id");
        assertThat(olga.api().post(path + "/reschedule", "{\"start\":\"2026-12-07T14:00:00+01:00\"}").status()).isEqualTo(200);
        assertThat(olga.api().post(path + "/cancel", "{\"reason\":\"customer asked\"}").status()).isEqualTo(200);

        List<JsonNode> events = items(olga.api().get("/api/v1/audit/staff-calendar/" + mia + "/events"));
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly(
                "dev.kairos.booking.calendar.StaffMemberRegistered", "dev.kairos.booking.calendar.AppointmentBooked",
                "dev.kairos.booking.calendar.AppointmentRescheduled", "dev.kairos.booking.calendar.AppointmentCancelled");
        assertThat(events).extracting(e -> e.path("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        Set<String> correlations = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode metadata = event.path("metadata");
            assertThat(metadata.path("who").asString()).isEqualTo("user:" + olga.userId());
            assertThat(metadata.path("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            // each event was caused by its own command, which started its chain of messages
            assertThat(metadata.path("correlationId").asString()).isNotBlank().isEqualTo(metadata.path("traceId").asString());
            correlations.add(metadata.path("correlationId").asString());
            assertThat(event.path("payload").path("businessId").path("id").asString()).isEqualTo(olga.business().toString());
            assertThat(event.path("timestamp").asString()).isNotBlank();
        }
        assertThat(correlations).hasSize(4);
        assertThat(events.get(1).path("payload").path("appointmentId").path("id").asString()).isEqualTo(booked.text("id"));

        // paging: after a sequence, at most limit events
        List<JsonNode> page = items(olga.api().get("/api/v1/audit/staff-calendar/" + mia + "/events?after=1&limit=1"));
        assertThat(page).extracting(e -> e.path("sequence").asLong()).containsExactly(2L);

        // the catalog's aggregates have their history too
        List<JsonNode> service = items(olga.api().get("/api/v1/audit/service-offering/" + haircut + "/events"));
        assertThat(service).extracting(e -> e.path("type").asString()).containsExactly("dev.kairos.booking.catalog.ServiceDefined");
        List<JsonNode> business = items(olga.api().get("/api/v1/audit/business/" + olga.business() + "/events"));
        assertThat(business.get(0).path("type").asString()).isEqualTo("dev.kairos.booking.catalog.BusinessRegistered");

        // an auditor of the business reads the same history
        Api.Response added = olga.api().post("/api/v1/businesses/" + olga.business() + "/members", """
                {"email":"audrey@audit.test","name":"Audrey","password":"%s","roles":["auditor"]}""".formatted(PASSWORD));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        Api auditor = api.as(api.login("audrey@audit.test", PASSWORD, olga.business()).text("access_token"));
        assertThat(items(auditor.get("/api/v1/audit/staff-calendar/" + mia + "/events"))).hasSize(4);
    }

    @Test
    void oneCommandsEventsInTwoAggregatesShareItsCorrelationAndCause() {
        Owner olga = owner("Limited Salon", "limited@audit.test");
        Scenario salon = Scenario.of(olga.api(), olga.business());
        UUID massage = salon.limitedService("Massage", 60, 2, "week");
        UUID mia = salon.staff("Mia", "Europe/Paris", List.of(massage), "09:00-17:00");
        Api.Response booked = salon.book(massage, mia, "2026-12-07T10:00:00+01:00", "Ann");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        String quota = jdbc.queryForObject("SELECT quota_id FROM cmd_quota_place WHERE appointment_id = ?", String.class,
                UUID.fromString(booked.text("id")));

        JsonNode onCalendar = items(olga.api().get("/api/v1/audit/staff-calendar/" + mia + "/events")).get(1);
        List<JsonNode> onQuota = items(olga.api().get("/api/v1/audit/customer-quota/" + quota + "/events"));
        assertThat(onCalendar.path("type").asString()).isEqualTo("dev.kairos.booking.calendar.AppointmentBooked");
        assertThat(onQuota).extracting(e -> e.path("type").asString()).containsExactly("dev.kairos.booking.quota.QuotaPlaceTaken");
        JsonNode calendarOrigin = onCalendar.path("metadata");
        JsonNode quotaOrigin = onQuota.get(0).path("metadata");
        assertThat(quotaOrigin.path("correlationId").asString()).isNotBlank().isEqualTo(calendarOrigin.path("correlationId").asString());
        assertThat(quotaOrigin.path("traceId").asString()).isNotBlank().isEqualTo(calendarOrigin.path("traceId").asString());
        assertThat(quotaOrigin.path("who").asString()).isEqualTo("user:" + olga.userId()).isEqualTo(calendarOrigin.path("who").asString());
    }

    @Test
    void anotherBusinesssAggregatesAreNotFoundAndBadRequestsAreProblems() {
        Owner olga = owner("Salon One", "one@audit.test");
        Owner rita = owner("Salon Two", "two@audit.test");
        Scenario salon = Scenario.of(olga.api(), olga.business());
        UUID haircut = salon.service("Haircut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "Europe/Paris", List.of(haircut), "09:00-17:00");

        for (String path : List.of("/api/v1/audit/staff-calendar/" + mia + "/events", "/api/v1/audit/service-offering/" + haircut + "/events",
                "/api/v1/audit/business/" + olga.business() + "/events")) {
            Api.Response r = rita.api().get(path);
            assertThat(r.status()).as(r.raw().body()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("aggregate-not-found");
            assertThat(r.raw().body()).doesNotContain("Salon One").doesNotContain("Mia").doesNotContain("payload");
        }
        // the right id under another aggregate type, an unknown type, an unknown id
        assertThat(olga.api().get("/api/v1/audit/waitlist/" + mia + "/events").code()).isEqualTo("aggregate-not-found");
        assertThat(olga.api().get("/api/v1/audit/appointments/" + mia + "/events").code()).isEqualTo("aggregate-not-found");
        assertThat(olga.api().get("/api/v1/audit/staff-calendar/" + UUID.randomUUID() + "/events").code()).isEqualTo("aggregate-not-found");
        for (String query : List.of("limit=0", "limit=501", "after=-2", "after=soon")) {
            Api.Response r = olga.api().get("/api/v1/audit/staff-calendar/" + mia + "/events?" + query);
            assertThat(r.status()).as(query + " " + r.raw().body()).isEqualTo(400);
            assertThat(r.code()).as(query).isEqualTo("invalid-value");
        }
    }
}
