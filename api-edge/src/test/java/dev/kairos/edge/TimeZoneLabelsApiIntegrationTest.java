package dev.kairos.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every appointment response says which zone a wall-clock value belongs to: bookings of an hour across the
 * daylight-saving gap and overlap of five zones (a 30-minute shift on Lord Howe, southern-hemisphere Sydney and
 * Santiago) are stated in the staff member's zone, the business's (Tokyo, no DST) and the customer's (another zone
 * with DST), with the offsets each has at the start and at the end.
 */
class TimeZoneLabelsApiIntegrationTest extends EngineTest {

    /** One hour from {@code startUtc}; the expected wall clock of the staff member's zone, written out by hand. */
    record Row(String name, String staffZone, String customerZone, String startUtc, String staffStart, String staffEnd) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("Berlin spring-forward gap", "Europe/Berlin", "America/New_York", "2027-03-28T00:30:00Z",
                        "2027-03-28T01:30+01:00", "2027-03-28T03:30+02:00"),
                new Row("Berlin fall-back overlap", "Europe/Berlin", "America/New_York", "2027-10-31T00:30:00Z",
                        "2027-10-31T02:30+02:00", "2027-10-31T02:30+01:00"),
                new Row("New York spring-forward gap", "America/New_York", "Europe/Berlin", "2027-03-14T06:30:00Z",
                        "2027-03-14T01:30-05:00", "2027-03-14T03:30-04:00"),
                new Row("New York fall-back overlap", "America/New_York", "Europe/Berlin", "2027-11-07T05:30:00Z",
                        "2027-11-07T01:30-04:00", "2027-11-07T01:30-05:00"),
                new Row("Lord Howe half-hour gap", "Australia/Lord_Howe", "Australia/Sydney", "2027-10-02T15:00:00Z",
                        "2027-10-03T01:30+10:30", "2027-10-03T03:00+11:00"),
                new Row("Lord Howe half-hour overlap", "Australia/Lord_Howe", "Australia/Sydney", "2027-04-03T14:30:00Z",
                        "2027-04-04T01:30+11:00", "2027-04-04T02:00+10:30"),
                new Row("Sydney gap (southern spring)", "Australia/Sydney", "Australia/Lord_Howe", "2027-10-02T15:30:00Z",
                        "2027-10-03T01:30+10:00", "2027-10-03T03:30+11:00"),
                new Row("Sydney overlap (southern autumn)", "Australia/Sydney", "Australia/Lord_Howe", "2027-04-03T15:30:00Z",
                        "2027-04-04T02:30+11:00", "2027-04-04T02:30+10:00"),
                new Row("Santiago overlap at midnight", "America/Santiago", "Europe/Berlin", "2027-04-04T02:30:00Z",
                        "2027-04-03T23:30-03:00", "2027-04-03T23:30-04:00"),
                new Row("Santiago gap at midnight", "America/Santiago", "Europe/Berlin", "2027-09-05T03:30:00Z",
                        "2027-09-04T23:30-04:00", "2027-09-05T01:30-03:00"));
    }

    private static void assertTimes(JsonNode times, String zone, String start, String end) {
        assertThat(times.path("zone").asString()).isEqualTo(zone);
        assertThat(OffsetDateTime.parse(times.path("start").asString())).isEqualTo(OffsetDateTime.parse(start));
        assertThat(OffsetDateTime.parse(times.path("end").asString())).isEqualTo(OffsetDateTime.parse(end));
    }

    private static String in(String zone, Instant instant) {
        return instant.atZone(ZoneId.of(zone)).toOffsetDateTime().toString();
    }

    private static void assertLocal(JsonNode local, Row row) {
        Instant start = Instant.parse(row.startUtc());
        Instant end = start.plusSeconds(3600);
        assertTimes(local.path("staff"), row.staffZone(), row.staffStart(), row.staffEnd());
        assertTimes(local.path("business"), "Asia/Tokyo", in("Asia/Tokyo", start), in("Asia/Tokyo", end));
        assertTimes(local.path("customer"), row.customerZone(), in(row.customerZone(), start), in(row.customerZone(), end));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void bookingsAcrossDaylightSavingChangesStateEachZoneAndItsOffsets(Row row) {
        Scenario salon = Scenario.business(api, "Salon " + row.name(), "Asia/Tokyo");
        Api.Response service = api.post("/api/v1/businesses/" + salon.businessId + "/services", """
                {"name":"Hour","duration":"PT60M","price":{"amount":"40.00","currency":"EUR"},"maxAdvanceDays":400}
                """);
        assertThat(service.status()).as(service.raw().body()).isEqualTo(201);
        UUID hour = UUID.fromString(service.text("id"));
        UUID staff = salon.staff("Night Owl", row.staffZone(), List.of(hour), "00:00-24:00");

        // the client states the start in the staff member's wall clock; the offset makes it unambiguous
        Api.Response booked = api.post("/api/v1/businesses/" + salon.businessId + "/appointments", """
                {"serviceId":"%s","staffId":"%s","start":"%s",
                 "customer":{"name":"Ada","email":"ada@example.com","timeZone":"%s"}}
                """.formatted(hour, staff, OffsetDateTime.parse(row.staffStart()), row.customerZone()));
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        assertLocal(booked.json().path("local"), row);

        Api.Response read = api.get("/api/v1/appointments/" + booked.text("id"), "X-Business-Id", salon.tenant(),
                "Consistency-Token", booked.header("Consistency-Token").orElseThrow());
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.text("timeZone")).isEqualTo(row.staffZone());
        assertThat(OffsetDateTime.parse(read.text("start"))).isEqualTo(OffsetDateTime.parse(row.staffStart()));
        assertThat(OffsetDateTime.parse(read.text("end"))).isEqualTo(OffsetDateTime.parse(row.staffEnd()));
        assertLocal(read.json().path("local"), row);

        Api.Response manage = api.get("/api/v1/manage/" + booked.json().path("manage").path("token").asString());
        assertLocal(manage.json().path("appointment").path("local"), row);
    }
}
