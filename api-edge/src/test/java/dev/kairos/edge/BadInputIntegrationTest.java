package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets an RFC 9457 problem with a stable code, never a 500, and stores nothing.
 * Paths use placeholders: {b} business, {s} service, {st} staff, {a} appointment.
 */
class BadInputIntegrationTest extends EngineTest {
    private static final String HUGE = "x".repeat(100_000);
    private Scenario salon;
    private UUID service;
    private UUID staff;
    private String appointment;
    private String manageToken;

    record Case(String name, String method, String path, String body, List<String> headers, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case post(String name, String path, String body, int status, String code, String... headers) {
        return new Case(name, "POST", path, body, List.of(headers), status, code);
    }

    static Case get(String name, String path, int status, String code, String... headers) {
        return new Case(name, "GET", path, null, List.of(headers), status, code);
    }

    static final String BOOKING = "{\"serviceId\":\"{s}\",\"staffId\":\"{st}\",\"start\":\"%s\",\"customer\":{\"name\":\"Ada\",\"email\":\"%s\"}%s}";

    static final String LIMITED = "{\"name\":\"S\",\"duration\":\"PT30M\",\"price\":{\"amount\":\"5.00\",\"currency\":\"EUR\"},"
            + "\"customerLimit\":{\"max\":%s,\"period\":%s}}";
    static final String SERVICE_WITH_POLICY = "{\"name\":\"S\",\"duration\":\"PT30M\",\"price\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},\"changePolicy\":%s}";

    static Stream<Case> cases() {
        String biz = "/api/v1/businesses";
        String appts = "/api/v1/businesses/{b}/appointments";
        String tenant = "X-Business-Id";
        return Stream.of(
                post("malformed JSON", biz, "{\"name\":", 400, "malformed-json"),
                post("trailing garbage", biz, "{\"name\":\"A\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"} x", 400, "malformed-json"),
                post("duplicate field", biz, "{\"name\":\"A\",\"name\":\"B\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}", 400, "malformed-json"),
                post("empty body", appts, "", 400, "malformed-json"),
                post("unknown field", biz, "{\"name\":\"A\",\"timeZone\":\"UTC\",\"currency\":\"EUR\",\"colour\":\"red\"}", 400, "unknown-field"),
                post("unknown nested field", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", ",\"customer2\":1"), 400, "unknown-field"),
                post("wrong type for a map", biz, "{\"name\":\"A\",\"timeZone\":\"UTC\",\"currency\":\"EUR\",\"settings\":\"dark\"}", 400, "invalid-value"),
                post("wrong type for a number", "/api/v1/businesses/{b}/services",
                        "{\"name\":\"S\",\"duration\":\"PT30M\",\"price\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"maxAdvanceDays\":\"lots\"}", 400, "invalid-value"),
                post("wrong type for an id", appts, "{\"serviceId\":42}", 400, "invalid-value"),
                post("impossible date", appts, BOOKING.formatted("2026-02-30T10:00:00+01:00", "a@example.com", ""), 400, "invalid-value"),
                post("date without offset", appts, BOOKING.formatted("2026-12-07T10:00:00", "a@example.com", ""), 400, "invalid-value"),
                get("impossible date in a query", "/api/v1/availability/service/{s}?from=2026-02-30&to=2026-03-01", 400, "invalid-value", tenant, "{b}"),
                get("availability ends before it starts", "/api/v1/availability/service/{s}?from=2026-12-08&to=2026-12-07", 422, "invalid-time-range", tenant, "{b}"),
                get("availability range too long", "/api/v1/availability/service/{s}?from=2026-12-01&to=2027-03-01", 422, "invalid-time-range", tenant, "{b}"),
                get("list ends before it starts", appts + "?from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z", 422, "invalid-time-range"),
                post("working hours end before they start", "/api/v1/businesses/{b}/staff",
                        "{\"name\":\"N\",\"timeZone\":\"UTC\",\"workingHours\":{\"MONDAY\":[{\"from\":\"17:00\",\"to\":\"09:00\"}]}}", 422, "invalid-working-hours"),
                post("overlapping working hours", "/api/v1/businesses/{b}/staff",
                        "{\"name\":\"N\",\"timeZone\":\"UTC\",\"workingHours\":{\"MONDAY\":[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"12:00\",\"to\":\"17:00\"}]}}", 422, "invalid-working-hours"),
                post("impossible time of day", "/api/v1/businesses/{b}/staff",
                        "{\"name\":\"N\",\"timeZone\":\"UTC\",\"workingHours\":{\"MONDAY\":[{\"from\":\"25:00\",\"to\":\"26:00\"}]}}", 422, "invalid-working-hours"),
                post("unknown weekday", "/api/v1/businesses/{b}/staff",
                        "{\"name\":\"N\",\"timeZone\":\"UTC\",\"workingHours\":{\"FUNDAY\":[]}}", 400, "invalid-value"),
                post("unknown zone", biz, "{\"name\":\"A\",\"timeZone\":\"Mars/Olympus\",\"currency\":\"EUR\"}", 422, "invalid-time-zone"),
                post("offset instead of zone", "/api/v1/businesses/{b}/staff", "{\"name\":\"N\",\"timeZone\":\"UTC+01:00\"}", 422, "invalid-time-zone"),
                get("unknown zone in a query", "/api/v1/availability/service/{s}?from=2026-12-07&to=2026-12-07&timeZone=Nowhere", 422, "invalid-time-zone", tenant, "{b}"),
                post("unknown currency", biz, "{\"name\":\"A\",\"timeZone\":\"UTC\",\"currency\":\"XYZ\"}", 422, "invalid-money"),
                post("negative price", "/api/v1/businesses/{b}/services",
                        "{\"name\":\"S\",\"duration\":\"PT30M\",\"price\":{\"amount\":\"-5.00\",\"currency\":\"EUR\"}}", 422, "invalid-money"),
                post("price with too many decimals", "/api/v1/businesses/{b}/services",
                        "{\"name\":\"S\",\"duration\":\"PT30M\",\"price\":{\"amount\":\"5.001\",\"currency\":\"EUR\"}}", 422, "invalid-money"),
                post("zero duration", "/api/v1/businesses/{b}/services",
                        "{\"name\":\"S\",\"duration\":\"PT0S\",\"price\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}}", 422, "invalid-duration"),
                post("customer limit of zero", "/api/v1/businesses/{b}/services", LIMITED.formatted("0", "\"week\""), 422, "invalid-limit"),
                post("customer limit per fortnight", "/api/v1/businesses/{b}/services", LIMITED.formatted("2", "\"fortnight\""), 422, "invalid-limit"),
                post("customer limit without a period", "/api/v1/businesses/{b}/services", LIMITED.formatted("2", "null"), 422, "invalid-limit"),
                post("customer limit without a number", "/api/v1/businesses/{b}/services", LIMITED.formatted("null", "\"day\""), 422, "invalid-limit"),
                post("customer limit that is not a number", "/api/v1/businesses/{b}/services", LIMITED.formatted("\"many\"", "\"day\""), 400, "invalid-value"),
                post("staff id that is not an id", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", "").replace("{st}", "any"),
                        400, "invalid-value"),
                post("blank name", biz, "{\"name\":\" \",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}", 422, "validation-failed"),
                post("missing fields", appts, "{}", 422, "validation-failed"),
                post("invalid customer email", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "not-an-email", ""), 422, "validation-failed"),
                post("unknown service for staff", "/api/v1/businesses/{b}/staff",
                        "{\"name\":\"N\",\"timeZone\":\"UTC\",\"serviceIds\":[\"" + UUID.randomUUID() + "\"]}", 422, "unknown-service"),
                post("huge payload", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", ",\"notes\":\"" + HUGE + "\""), 413, "payload-too-large"),
                post("huge payload with an idempotency key", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", ",\"notes\":\"" + HUGE + "\""),
                        413, "payload-too-large", "Idempotency-Key", "k-huge"),
                post("invalid idempotency key", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", ""), 400, "invalid-value",
                        "Idempotency-Key", "k".repeat(300)),
                post("malformed If-Match", "/api/v1/appointments/{a}/confirm", null, 400, "invalid-precondition-header", tenant, "{b}", "If-Match", "yesterday"),
                get("malformed id in the path", "/api/v1/appointments/not-a-uuid", 400, "invalid-value", tenant, "{b}"),
                get("malformed tenant header", "/api/v1/appointments/{a}", 400, "invalid-value", tenant, "acme"),
                get("missing tenant header", "/api/v1/appointments/{a}", 400, "tenant-required"),
                get("missing query parameter", "/api/v1/availability/service/{s}?from=2026-12-07", 400, "missing-parameter", tenant, "{b}"),
                get("page size out of range", appts + "?limit=0", 400, "invalid-value"),
                get("forged cursor", appts + "?cursor=Zm9vYmFy", 422, "validation-failed"),
                get("unknown status filter", appts + "?status=LOST", 400, "invalid-value"),
                get("unknown appointment", "/api/v1/appointments/" + UUID.randomUUID(), 404, "appointment-not-found", tenant, "{b}"),
                get("unknown business", "/api/v1/businesses/" + UUID.randomUUID(), 404, "business-not-found"),
                post("booking for an unknown business", "/api/v1/businesses/" + UUID.randomUUID() + "/appointments",
                        BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", ""), 404, "business-not-found"),
                post("booking an unknown service", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", "")
                        .replace("{s}", UUID.randomUUID().toString()), 404, "service-not-found"),
                post("booking an unknown staff member", appts, BOOKING.formatted("2026-12-07T09:00:00+01:00", "a@example.com", "")
                        .replace("{st}", UUID.randomUUID().toString()), 404, "staff-not-found"),
                get("unknown route", "/api/v1/nothing-here", 404, "route-not-found"),
                post("holiday without a date", "/api/v1/businesses/{b}/holidays", "{\"name\":\"Closed\"}", 422, "validation-failed"),
                post("holiday without a name", "/api/v1/businesses/{b}/holidays", "{\"from\":\"2026-12-24\"}", 422, "validation-failed"),
                post("holiday ending before it starts", "/api/v1/businesses/{b}/holidays",
                        "{\"name\":\"Closed\",\"from\":\"2026-12-26\",\"to\":\"2026-12-24\"}", 422, "invalid-time-range"),
                post("holiday longer than a year", "/api/v1/businesses/{b}/holidays",
                        "{\"name\":\"Closed\",\"from\":\"2026-12-24\",\"to\":\"2028-01-01\"}", 422, "invalid-time-range"),
                post("impossible holiday date", "/api/v1/businesses/{b}/holidays", "{\"name\":\"Closed\",\"from\":\"2026-02-30\"}",
                        400, "invalid-value"),
                post("holiday with an unknown field", "/api/v1/businesses/{b}/holidays",
                        "{\"name\":\"Closed\",\"from\":\"2026-12-24\",\"recurring\":true}", 400, "unknown-field"),
                post("holiday of an unknown business", "/api/v1/businesses/" + UUID.randomUUID() + "/holidays",
                        "{\"name\":\"Closed\",\"from\":\"2026-12-24\"}", 404, "business-not-found"),
                new Case("removing an unknown holiday", "DELETE", "/api/v1/businesses/{b}/holidays/" + UUID.randomUUID(), null,
                        List.of(), 404, "holiday-not-found"),
                new Case("malformed iCalendar", "POST-CALENDAR", "/api/v1/businesses/{b}/holidays/import",
                        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026-12-24\r\n", List.of(), 422, "invalid-calendar"),
                new Case("iCalendar with an hourly holiday", "POST-CALENDAR", "/api/v1/businesses/{b}/holidays/import",
                        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20261101T000000Z\r\n"
                                + "DTSTART:20261224T000000Z\r\nRRULE:FREQ=HOURLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", List.of(), 422, "invalid-calendar"),
                new Case("iCalendar for an unknown business", "POST-CALENDAR", "/api/v1/businesses/" + UUID.randomUUID() + "/holidays/import",
                        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", List.of(), 404, "business-not-found"),
                post("calendar URL missing", "/api/v1/businesses/{b}/holidays/import", "{}", 422, "validation-failed"),
                post("calendar URL to a private address", "/api/v1/businesses/{b}/holidays/import",
                        "{\"url\":\"http://192.168.1.10/holidays.ics\"}", 422, "calendar-url-refused"),
                post("calendar URL of another scheme", "/api/v1/businesses/{b}/holidays/import",
                        "{\"url\":\"file:///etc/passwd\"}", 422, "calendar-url-refused"),
                post("calendar URL that is no URL", "/api/v1/businesses/{b}/holidays/import",
                        "{\"url\":\"http://exa mple.com/x\"}", 422, "calendar-url-refused"),
                new Case("calendar import as plain text", "POST-TEXT", "/api/v1/businesses/{b}/holidays/import", "BEGIN:VCALENDAR",
                        List.of(), 415, "unsupported-media-type"),
                get("malformed consistency token", "/api/v1/businesses/{b}", 400, "invalid-value", "Consistency-Token", "yesterday"),
                post("policy closed longer than free", "/api/v1/businesses/{b}/services", SERVICE_WITH_POLICY.formatted(
                        "{\"cancellation\":{\"freeUntilBefore\":\"PT2H\",\"closedWithin\":\"PT24H\"}}"), 422, "invalid-change-policy"),
                post("policy fee in another currency", "/api/v1/businesses/{b}/services", SERVICE_WITH_POLICY.formatted(
                        "{\"cancellation\":{\"freeUntilBefore\":\"PT24H\",\"fee\":{\"amount\":\"5.00\",\"currency\":\"USD\"}}}"), 422, "invalid-change-policy"),
                post("policy window negative", "/api/v1/businesses/{b}/services", SERVICE_WITH_POLICY.formatted(
                        "{\"reschedule\":{\"closedWithin\":\"PT-2H\"}}"), 422, "invalid-change-policy"),
                post("policy fee without a fee window", "/api/v1/businesses/{b}/services", SERVICE_WITH_POLICY.formatted(
                        "{\"reschedule\":{\"closedWithin\":\"PT2H\",\"fee\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}}}"), 422, "invalid-change-policy"),
                post("policy fee without amount", "/api/v1/businesses/{b}/services", SERVICE_WITH_POLICY.formatted(
                        "{\"cancellation\":{\"freeUntilBefore\":\"PT24H\",\"fee\":{\"currency\":\"EUR\"}}}"), 422, "invalid-money"),
                post("policy with an unknown field", "/api/v1/businesses/{b}/services", SERVICE_WITH_POLICY.formatted(
                        "{\"refund\":{}}"), 400, "unknown-field"),
                post("cancel initiated by nobody known", "/api/v1/appointments/{a}/cancel", "{\"initiatedBy\":\"robot\"}", 422,
                        "validation-failed", tenant, "{b}"),
                post("override with an over-long actor label", "/api/v1/appointments/{a}/cancel", "{\"override\":{\"reason\":\"ill\"}}", 422,
                        "validation-failed", tenant, "{b}", "X-Actor", "x".repeat(101)),
                post("override without reason", "/api/v1/appointments/{a}/reschedule",
                        "{\"start\":\"2026-12-07T11:00:00+01:00\",\"override\":{}}", 422, "validation-failed", tenant, "{b}", "X-Actor", "eva"),
                post("customer zone as an offset", appts, "{\"serviceId\":\"{s}\",\"staffId\":\"{st}\",\"start\":\"2026-12-07T10:00:00+01:00\","
                        + "\"customer\":{\"name\":\"Ada\",\"email\":\"a@example.com\",\"timeZone\":\"+01:00\"}}", 422, "invalid-time-zone"),
                post("unknown customer zone", appts, "{\"serviceId\":\"{s}\",\"staffId\":\"{st}\",\"start\":\"2026-12-07T10:00:00+01:00\","
                        + "\"customer\":{\"name\":\"Ada\",\"email\":\"a@example.com\",\"timeZone\":\"Mars/Olympus\"}}", 422, "invalid-time-zone"),
                get("malformed manage token", "/api/v1/manage/not-a-token", 401, "manage-link-invalid"),
                get("tampered manage token", "/api/v1/manage/{m~}", 401, "manage-link-invalid"),
                get("manage token with padding", "/api/v1/manage/{m}==", 401, "manage-link-invalid"),
                post("tampered manage token cancels nothing", "/api/v1/manage/{m~}/cancel", null, 401, "manage-link-invalid"),
                post("customer cannot override through the link", "/api/v1/manage/{m}/cancel",
                        "{\"override\":{\"reason\":\"because\"}}", 400, "unknown-field"),
                post("manage reschedule without start", "/api/v1/manage/{m}/reschedule", "{}", 422, "validation-failed"),
                post("manage reschedule to an impossible date", "/api/v1/manage/{m}/reschedule", "{\"start\":\"2026-02-30T10:00:00Z\"}",
                        400, "invalid-value"),
                get("manage availability with an impossible date", "/api/v1/manage/{m}/availability?from=2026-02-30&to=2026-03-01",
                        400, "invalid-value"),
                new Case("wrong method", "DELETE", "/api/v1/businesses/{b}", null, List.of(), 405, "method-not-allowed"),
                new Case("wrong media type", "POST-TEXT", biz, "name=A", List.of(), 415, "unsupported-media-type"),
                new Case("huge chunked payload", "POST-CHUNKED", appts, HUGE, List.of(), 413, "payload-too-large"));
    }

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon Aurora", "Europe/Berlin");
        service = salon.service("Haircut", 45, 0, 15, 30, 0);
        staff = salon.staff("Mia", "Europe/Berlin", List.of(service), "09:00-17:00");
        Api.Response booked = salon.book(service, staff, "2026-12-07T09:00:00+01:00", "Ada");
        appointment = booked.text("id");
        manageToken = booked.json().path("manage").path("token").asString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithAProblemAndStoresNothing(Case c) {
        long events = storedEvents();
        long idempotencyRecords = jdbc.queryForObject("SELECT count(*) FROM idempotency_record", Long.class);
        Api.Response response = api.send(request(c), headers(c));

        assertThat(response.status()).as(response.raw().body()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(c.code());
        assertThat(response.json().path("status").asInt()).isEqualTo(c.status());
        assertThat(response.text("type")).isEqualTo("urn:kairos:problem:" + c.code());
        assertThat(response.text("detail")).isNotBlank();
        assertThat(storedEvents()).isEqualTo(events);
        if (c.status() == 413 || c.status() == 400) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record", Long.class)).isEqualTo(idempotencyRecords);
        }
    }

    private HttpRequest.Builder request(Case c) {
        URI uri = URI.create("http://127.0.0.1:" + port + fill(c.path()));
        String body = c.body() == null ? null : fill(c.body());
        return switch (c.method()) {
            case "GET" -> HttpRequest.newBuilder(uri).GET();
            case "DELETE" -> HttpRequest.newBuilder(uri).DELETE();
            case "POST-TEXT" -> HttpRequest.newBuilder(uri).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
            case "POST-CALENDAR" -> HttpRequest.newBuilder(uri).header("Content-Type", "text/calendar").POST(HttpRequest.BodyPublishers.ofString(body));
            case "POST-CHUNKED" -> HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                            ("{\"notes\":\"" + body + "\"}").getBytes())));
            default -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                yield body == null ? b : b.header("Content-Type", "application/json");
            }
        };
    }

    private String[] headers(Case c) {
        return c.headers().stream().map(this::fill).toArray(String[]::new);
    }

    private String fill(String template) {
        char middle = manageToken.charAt(40);
        String tampered = manageToken.substring(0, 40) + (middle == 'A' ? 'B' : 'A') + manageToken.substring(41);
        return template.replace("{m~}", tampered).replace("{m}", manageToken).replace("{b}", salon.tenant()).replace("{st}", staff.toString()).replace("{s}", service.toString())
                .replace("{a}", appointment);
    }
}
