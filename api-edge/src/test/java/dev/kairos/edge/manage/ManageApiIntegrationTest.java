package dev.kairos.edge.manage;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers manage their booking through the signed link, under the service's policy; the business changes it under
 * the same policy, with overrides. "Now" is 2026-12-01 08:00 UTC. The Strict service: cancelling free until 24 h
 * before the start, then 10 EUR, not within 2 h; moving free until 24 h before, then 5 EUR, not within 3 h.
 */
class ManageApiIntegrationTest extends EngineTest {
    private static final String POLICY = """
            {"cancellation":{"freeUntilBefore":"PT24H","closedWithin":"PT2H","fee":{"amount":"10.00","currency":"EUR"}},
             "reschedule":{"freeUntilBefore":"PT24H","closedWithin":"PT3H","fee":{"amount":"5.00","currency":"EUR"}}}""";
    @Autowired
    private ManageLinks links;
    private Scenario salon;
    private UUID strict;
    private UUID mia;
    private UUID ben;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon", "UTC");
        Api.Response defined = api.post("/api/v1/businesses/" + salon.businessId + "/services", """
                {"name":"Strict","duration":"PT60M","price":{"amount":"40.00","currency":"EUR"},"changePolicy":%s}
                """.formatted(POLICY));
        assertThat(defined.status()).as(defined.raw().body()).isEqualTo(201);
        strict = UUID.fromString(defined.text("id"));
        mia = salon.staff("Mia", "UTC", List.of(strict), "08:00-18:00");
        ben = salon.staff("Ben", "UTC", List.of(strict), "08:00-18:00");
    }

    /** Books and returns the booking response; its manage link is {@code manage.token}. */
    private Api.Response book(String start) {
        Api.Response booked = salon.book(strict, mia, start, "Ada");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        return booked;
    }

    private static String token(Api.Response booked) {
        return booked.json().path("manage").path("token").asString();
    }

    private Api.Response manage(String token, Api.Response after) {
        return api.get("/api/v1/manage/" + token, "Consistency-Token", after.header("Consistency-Token").orElseThrow());
    }

    private JsonNode businessView(String id, Api.Response after) {
        Api.Response r = api.get("/api/v1/appointments/" + id, "X-Business-Id", salon.tenant(),
                "Consistency-Token", after.header("Consistency-Token").orElseThrow());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theBookingAndTheBusinessViewCarryTheLinkAndTheLinkShowsWhatTheCustomerMayDo() {
        Api.Response booked = book("2026-12-07T10:00:00Z");
        JsonNode manageLink = booked.json().path("manage");
        assertThat(manageLink.path("expiresAt").asString()).isEqualTo("2026-12-08T11:00:00Z");
        assertThat(manageLink.path("url").asString()).isEqualTo("/api/v1/manage/" + token(booked));
        assertThat(businessView(booked.text("id"), booked).path("manage").path("token").asString()).isEqualTo(token(booked));

        Api.Response shown = manage(token(booked), booked);
        assertThat(shown.status()).as(shown.raw().body()).isEqualTo(200);
        JsonNode view = shown.json();
        assertThat(view.path("appointment").path("id").asString()).isEqualTo(booked.text("id"));
        assertThat(view.path("appointment").path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(view.path("service").path("name").asString()).isEqualTo("Strict");
        assertThat(view.path("policy").path("cancellation").path("fee").path("amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(view.path("now").path("cancel").path("allowed").asBoolean()).isTrue();
        assertThat(view.path("now").path("cancel").path("fee").isNull()).isTrue();
        assertThat(view.path("expiresAt").asString()).isEqualTo("2026-12-08T11:00:00Z");
        assertThat(shown.header("ETag")).contains("\"1\"");
    }

    @Test
    void theCustomerCancelsThroughTheLinkInTheFeeWindowAndThenTheLinkStopsWorking() {
        Api.Response booked = book("2026-12-01T12:00:00Z");
        String token = token(booked);
        JsonNode now = manage(token, booked).json().path("now");
        assertThat(now.path("cancel").path("allowed").asBoolean()).isTrue();
        assertThat(now.path("cancel").path("fee").path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(now.path("reschedule").path("fee").path("amount").decimalValue()).isEqualByComparingTo("5.00");

        Api.Response cancelled = api.post("/api/v1/manage/" + token + "/cancel", "{\"reason\":\"plans changed\"}");
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        assertThat(cancelled.json().path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(cancelled.json().path("feeDue").path("currency").asString()).isEqualTo("EUR");

        JsonNode appointment = businessView(booked.text("id"), cancelled);
        assertThat(appointment.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(appointment.path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode decision = appointment.path("policyDecisions").get(0);
        assertThat(decision.path("change").asString()).isEqualTo("CANCELLATION");
        assertThat(decision.path("initiatedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(decision.path("policyOverride").isNull()).isTrue();
        assertThat(appointment.path("manage").isNull()).as("no link for a cancelled appointment").isTrue();

        Api.Response again = manage(token, cancelled);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.code()).isEqualTo("manage-link-expired");
        assertThat(api.post("/api/v1/manage/" + token + "/cancel", null).code()).isEqualTo("manage-link-expired");
        assertThat(api.post("/api/v1/manage/" + token + "/reschedule", "{\"start\":\"2026-12-02T10:00:00Z\"}").code())
                .isEqualTo("manage-link-expired");
    }

    @Test
    void theCustomerReschedulesThroughTheLinkAndGetsAFreshLink() {
        Api.Response booked = book("2026-12-01T12:00:00Z");
        Api.Response moved = api.post("/api/v1/manage/" + token(booked) + "/reschedule", "{\"start\":\"2026-12-01T15:00:00Z\"}");
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        assertThat(moved.json().path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(moved.json().path("revision").asLong()).isEqualTo(2);
        String fresh = moved.json().path("manage").path("token").asString();
        assertThat(moved.json().path("manage").path("expiresAt").asString()).isEqualTo("2026-12-02T16:00:00Z");

        JsonNode appointment = businessView(booked.text("id"), moved);
        assertThat(appointment.path("start").asString()).isEqualTo("2026-12-01T15:00:00Z");
        assertThat(appointment.path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(appointment.path("policyDecisions").get(0).path("change").asString()).isEqualTo("RESCHEDULE");

        // moving to another staff member is a reschedule too; at 7 h before the start it costs the fee again
        Api.Response transferred = api.post("/api/v1/manage/" + fresh + "/reschedule",
                "{\"start\":\"2026-12-01T16:00:00Z\",\"staffId\":\"" + ben + "\"}");
        assertThat(transferred.status()).as(transferred.raw().body()).isEqualTo(200);
        assertThat(transferred.json().path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("5.00");
        JsonNode afterMove = businessView(booked.text("id"), transferred);
        assertThat(afterMove.path("staffId").asString()).isEqualTo(ben.toString());
        assertThat(afterMove.path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(afterMove.path("policyDecisions")).hasSize(2);
    }

    @Test
    void thePolicyRejectsTheCustomerInTheClosedWindowAndNothingIsStored() {
        Api.Response booked = book("2026-12-01T09:00:00Z");
        String token = token(booked);
        JsonNode now = manage(token, booked).json().path("now");
        assertThat(now.path("cancel").path("allowed").asBoolean()).isFalse();
        assertThat(now.path("cancel").path("code").asString()).isEqualTo("cancellation-window-closed");
        assertThat(now.path("reschedule").path("code").asString()).isEqualTo("reschedule-window-closed");

        long events = storedEvents();
        Api.Response cancel = api.post("/api/v1/manage/" + token + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(422);
        assertThat(cancel.code()).isEqualTo("cancellation-window-closed");
        Api.Response move = api.post("/api/v1/manage/" + token + "/reschedule", "{\"start\":\"2026-12-01T15:00:00Z\"}");
        assertThat(move.status()).isEqualTo(422);
        assertThat(move.code()).isEqualTo("reschedule-window-closed");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void theBusinessNeedsAnOverrideInTheClosedWindowAndTheOverrideIsShown() {
        Api.Response booked = book("2026-12-01T09:00:00Z");
        String cancel = "/api/v1/appointments/" + booked.text("id") + "/cancel";
        long events = storedEvents();
        Api.Response refused = api.post(cancel, "{\"reason\":\"staff ill\"}", "X-Business-Id", salon.tenant());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("cancellation-window-closed");
        assertThat(storedEvents()).isEqualTo(events);

        Api.Response overridden = api.post(cancel, "{\"reason\":\"staff ill\",\"override\":{\"reason\":\"Mia called in sick\"}}",
                "X-Business-Id", salon.tenant(), "X-Actor", "front-desk:eva");
        assertThat(overridden.status()).as(overridden.raw().body()).isEqualTo(200);
        assertThat(overridden.json().path("feeDue").isNull()).isTrue();
        JsonNode decision = businessView(booked.text("id"), overridden).path("policyDecisions").get(0);
        assertThat(decision.path("initiatedBy").asString()).isEqualTo("BUSINESS");
        assertThat(decision.path("policyOverride").path("actor").asString()).matches("user:[0-9a-f-]{36} \\(front-desk:eva\\)");
        assertThat(decision.path("policyOverride").path("reason").asString()).isEqualTo("Mia called in sick");
    }

    @Test
    void theBusinessRelayingACustomerChargesTheFee() {
        Api.Response booked = book("2026-12-01T12:00:00Z");
        Api.Response moved = api.post("/api/v1/appointments/" + booked.text("id") + "/reschedule",
                "{\"start\":\"2026-12-01T14:00:00Z\",\"initiatedBy\":\"customer\"}", "X-Business-Id", salon.tenant());
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        assertThat(moved.json().path("feeDue").path("amount").decimalValue()).isEqualByComparingTo("5.00");
    }

    @Test
    void expiredForeignAndUnknownTokensAreProblemsNeverErrors() {
        Api.Response booked = book("2026-12-07T10:00:00Z");
        AppointmentId id = new AppointmentId(UUID.fromString(booked.text("id")));
        BusinessId business = new BusinessId(salon.businessId);

        Api.Response expired = api.get("/api/v1/manage/" + links.issue(id, business, NOW, ManageLinks.MANAGE_BOOKING));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.code()).isEqualTo("manage-link-expired");
        assertThat(expired.contentType()).startsWith("application/problem+json");

        Api.Response otherPurpose = api.get("/api/v1/manage/" + links.issue(id, business, NOW.plusSeconds(3600), "calendar-feed"));
        assertThat(otherPurpose.status()).isEqualTo(401);
        assertThat(otherPurpose.code()).isEqualTo("manage-link-invalid");

        Api.Response unknown = api.get("/api/v1/manage/" + links.issue(new AppointmentId(UUID.randomUUID()), business,
                NOW.plusSeconds(3600), ManageLinks.MANAGE_BOOKING));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("appointment-not-found");

        // another business's token for this appointment is signed, but names a business the appointment is not in
        Api.Response wrongTenant = api.get("/api/v1/manage/" + links.issue(id, new BusinessId(UUID.randomUUID()),
                NOW.plusSeconds(3600), ManageLinks.MANAGE_BOOKING), "Consistency-Token", booked.header("Consistency-Token").orElseThrow());
        assertThat(wrongTenant.code()).isEqualTo("appointment-not-found");
    }

    @Test
    void theGeneratedSecretIsKeptOnceInTheDatabaseSoAnotherNodeVerifiesTheSameLinks() {
        Api.Response booked = book("2026-12-07T10:00:00Z");
        byte[] stored = jdbc.queryForObject("SELECT secret FROM manage_link_secret WHERE id = 1", byte[].class);
        assertThat(stored).hasSize(ManageLinkKeys.GENERATED_BYTES);

        ManageLinkProperties unconfigured = new ManageLinkProperties(null, null, null, null);
        ManageLinks otherNode = new ManageLinks(new ManageLinkKeys(unconfigured, jdbc, new SecureRandom(),
                Clock.fixed(NOW, ZoneOffset.UTC)), unconfigured);
        assertThat(otherNode.verify(token(booked), ManageLinks.MANAGE_BOOKING, NOW).appointmentId().id().toString())
                .isEqualTo(booked.text("id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM manage_link_secret", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT secret FROM manage_link_secret WHERE id = 1", byte[].class)).isEqualTo(stored);
    }

    private static final Instant NOW = EngineTest.NOW;
}
