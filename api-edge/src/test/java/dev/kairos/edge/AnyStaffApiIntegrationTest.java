package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Booking without choosing a staff member: the engine assigns one by its policy and names them in the answer. */
class AnyStaffApiIntegrationTest extends EngineTest {
    private Scenario clinic;
    private UUID consult;
    private UUID first;
    private UUID second;

    @BeforeEach
    void clinic() {
        clinic = Scenario.business(api, "Clinic", "Europe/Berlin");
        consult = clinic.service("Consultation", 60, 0, 0, 60, 0);
        List<UUID> staff = new ArrayList<>(List.of(
                clinic.staff("Doctor One", "Europe/Berlin", List.of(consult), "09:00-17:00"),
                clinic.staff("Doctor Two", "Europe/Berlin", List.of(consult), "09:00-17:00")));
        staff.sort(Comparator.naturalOrder());
        first = staff.get(0);
        second = staff.get(1);
    }

    private Api.Response bookAny(String start, String customer, String... headers) {
        return clinic.bookAnyStaffVia(api, consult, start, customer, headers);
    }

    @Test
    void theEngineAssignsTheLeastBusyThenTheLeastRecentlyAssignedStaffMember() {
        Api.Response one = bookAny("2026-12-07T10:00:00+01:00", "Ada");
        assertThat(one.status()).as(one.raw().body()).isEqualTo(201);
        assertThat(one.text("staffId")).as("equal load, never assigned: the lower id").isEqualTo(first.toString());

        Api.Response two = bookAny("2026-12-07T10:00:00+01:00", "Grace");
        assertThat(two.status()).isEqualTo(201);
        assertThat(two.text("staffId")).as("the other one has fewer appointments that day").isEqualTo(second.toString());

        Api.Response three = bookAny("2026-12-07T14:00:00+01:00", "Linus");
        assertThat(three.text("staffId")).as("equal load: the one assigned least recently").isEqualTo(first.toString());

        Api.Response read = api.get("/api/v1/appointments/" + three.text("id"), "X-Business-Id", clinic.tenant(),
                "Consistency-Token", three.header("Consistency-Token").orElseThrow());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("staffId")).isEqualTo(first.toString());
    }

    @Test
    void whenNobodyIsFreeTheAnswerOffersAlternativesOfEveryStaffMember() {
        assertThat(bookAny("2026-12-07T10:00:00+01:00", "Ada").status()).isEqualTo(201);
        assertThat(bookAny("2026-12-07T10:00:00+01:00", "Grace").status()).isEqualTo(201);
        long events = storedEvents();

        Api.Response full = bookAny("2026-12-07T10:00:00+01:00", "Linus");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("slot-unavailable");
        assertThat(full.json().path("alternatives")).hasSize(3);
        // 09:00 and 11:00 are equally near; both staff members offer each
        assertThat(full.json().path("alternatives").get(0).path("start").asString()).isEqualTo("2026-12-07T09:00:00+01:00");
        List<String> staffOfFirst = new ArrayList<>();
        full.json().path("alternatives").get(0).path("staffIds").forEach(id -> staffOfFirst.add(id.asString()));
        assertThat(staffOfFirst).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameStaffMember() {
        Api.Response one = bookAny("2026-12-07T10:00:00+01:00", "Ada", "Idempotency-Key", "any-1");
        Api.Response again = bookAny("2026-12-07T10:00:00+01:00", "Ada", "Idempotency-Key", "any-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(one.text("id"));
        assertThat(again.text("staffId")).isEqualTo(one.text("staffId"));
    }

    @Test
    void aServiceNobodyProvidesHasNoStaffAvailable() {
        UUID massage = clinic.service("Massage", 30, 0, 0, 30, 0);
        long events = storedEvents();
        Api.Response r = clinic.bookAnyStaffVia(api, massage, "2026-12-07T10:00:00+01:00", "Ada");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("no-staff-available");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void whenEveryoneRefusesForTheSameRuleThatRuleIsTheAnswer() {
        Api.Response r = bookAny("2026-12-07T07:00:00+01:00", "Ada");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("outside-working-hours");
    }
}
