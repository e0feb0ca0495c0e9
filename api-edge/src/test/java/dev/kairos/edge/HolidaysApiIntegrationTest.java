package dev.kairos.edge;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business holidays over HTTP: kept and listed, imported from iCalendar files (uploaded or fetched from a local
 * server), and closing the business for bookings and free slots. The salon is in Berlin; Monday 2026-12-07 is the
 * holiday of most tests.
 */
class HolidaysApiIntegrationTest extends EngineTest {
    private static final String CALENDAR = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kairos//Holidays test//EN", "X-WR-CALNAME:Closures",
            "BEGIN:VEVENT", "UID:closing-day@kairos.test", "DTSTAMP:20261101T000000Z", "SUMMARY:Closing day",
            "DTSTART;VALUE=DATE:20261207", "DTEND;VALUE=DATE:20261208", "END:VEVENT",
            "BEGIN:VEVENT", "UID:xmas@kairos.test", "DTSTAMP:20261101T000000Z", "SUMMARY:Christmas",
            "DTSTART;VALUE=DATE:20251225", "DTEND;VALUE=DATE:20251227", "RRULE:FREQ=YEARLY", "END:VEVENT",
            "END:VCALENDAR", "");

    private Scenario salon;
    private UUID cut;
    private UUID mia;
    private String holidays;
    private HttpServer server;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon", "Europe/Berlin");
        cut = salon.service("Cut", 60, 0, 0, 60, 0);
        mia = salon.staff("Mia", "Europe/Berlin", List.of(cut), "09:00-12:00");
        holidays = "/api/v1/businesses/" + salon.businessId + "/holidays";
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private List<String> slotsOn(UUID staff, String date, String zone, String token) {
        Api.Response r = api.get("/api/v1/availability/staff/" + staff + "?serviceId=" + cut + "&from=" + date + "&to=" + date
                + "&timeZone=" + zone, "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        r.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        return starts;
    }

    private Api.Response delete(String path) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE());
    }

    private Api.Response upload(String ics) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + holidays + "/import"))
                .header("Content-Type", "text/calendar; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(ics, StandardCharsets.UTF_8)));
    }

    private List<String> listed(String token) {
        Api.Response r = api.get(holidays, "Consistency-Token", token);
        assertThat(r.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().forEach(h -> names.add(h.path("name").asString() + " " + h.path("from").asString() + ".." + h.path("to").asString()));
        return names;
    }

    /** Serves {@code body} at /closures.ics on a loopback port, with status {@code status}. */
    private String serve(int status, String body, String location) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/closures.ics", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/closures.ics";
    }

    @Test
    void aHolidayIsCreatedListedAndRemoved() {
        Api.Response created = api.post(holidays, "{\"name\":\"Christmas\",\"from\":\"2026-12-25\",\"to\":\"2026-12-26\"}",
                "Idempotency-Key", "xmas-2026");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).contains(holidays + "/" + id);
        String token = created.header("Consistency-Token").orElseThrow();

        Api.Response list = api.get(holidays, "Consistency-Token", token);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("id").asString()).isEqualTo(id);
        assertThat(list.json().get(0).path("start").asString()).isEqualTo("2026-12-25T00:00:00+01:00");
        assertThat(list.json().get(0).path("end").asString()).isEqualTo("2026-12-27T00:00:00+01:00");
        assertThat(list.json().get(0).path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(api.get(holidays + "/" + id).text("name")).isEqualTo("Christmas");

        long events = storedEvents();
        Api.Response again = api.post(holidays, "{\"name\":\"Christmas\",\"from\":\"2026-12-25\",\"to\":\"2026-12-26\"}",
                "Idempotency-Key", "xmas-2026");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(storedEvents()).isEqualTo(events);

        Api.Response removed = delete(holidays + "/" + id);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(listed(removed.header("Consistency-Token").orElseThrow())).isEmpty();
        Api.Response unknown = delete(holidays + "/" + id);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("holiday-not-found");
        assertThat(api.get(holidays + "/" + id).code()).isEqualTo("holiday-not-found");
        assertThat(api.get("/api/v1/businesses/" + UUID.randomUUID() + "/holidays").code()).isEqualTo("business-not-found");
    }

    @Test
    void aHolidayClosesTheBusinessForBookingsAndFreeSlots() {
        Api.Response tuesday = salon.book(cut, mia, "2026-12-08T10:00:00+01:00", "Ada");
        assertThat(tuesday.status()).isEqualTo(201);
        Api.Response created = api.post(holidays, "{\"name\":\"Closing day\",\"from\":\"2026-12-07\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.header("Consistency-Token").orElseThrow();

        assertThat(slotsOn(mia, "2026-12-07", "Europe/Berlin", token)).isEmpty();
        assertThat(slotsOn(mia, "2026-12-08", "Europe/Berlin", token)).containsExactly("2026-12-08T09:00:00+01:00",
                "2026-12-08T11:00:00+01:00");

        long events = storedEvents();
        Api.Response booking = salon.book(cut, mia, "2026-12-07T10:00:00+01:00", "Bob");
        assertThat(booking.status()).isEqualTo(409);
        assertThat(booking.code()).isEqualTo("business-holiday");
        Api.Response moving = api.post("/api/v1/appointments/" + tuesday.text("id") + "/reschedule",
                "{\"start\":\"2026-12-07T10:00:00+01:00\"}", "X-Business-Id", salon.tenant());
        assertThat(moving.code()).isEqualTo("business-holiday");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_view WHERE business_id = ?", Long.class,
                salon.businessId)).isEqualTo(1);
    }

    @Test
    void theBusinessZoneDecidesForStaffInAnotherZone() {
        // Nina works 16:00–20:00 New York time (22:00–02:00 Berlin); the Berlin Monday ends at 18:00 New York time
        UUID nina = salon.staff("Nina", "America/New_York", List.of(cut), "16:00-20:00");
        Api.Response created = api.post(holidays, "{\"name\":\"Closing day\",\"from\":\"2026-12-07\"}");
        String token = created.header("Consistency-Token").orElseThrow();

        assertThat(slotsOn(nina, "2026-12-07", "America/New_York", token)).containsExactly("2026-12-07T18:00:00-05:00",
                "2026-12-07T19:00:00-05:00");
        assertThat(salon.book(cut, nina, "2026-12-07T17:00:00-05:00", "Ada").code()).isEqualTo("business-holiday");
        assertThat(salon.book(cut, nina, "2026-12-07T18:00:00-05:00", "Ada").status()).isEqualTo(201);
    }

    @Test
    void anUploadedCalendarIsImportedOnceAndReimportingChangesNothing() {
        Api.Response imported = upload(CALENDAR);
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.json().path("count").asInt()).isEqualTo(4);
        String token = imported.header("Consistency-Token").orElseThrow();
        assertThat(listed(token)).containsExactly("Closing day 2026-12-07..2026-12-07", "Christmas 2026-12-25..2026-12-26",
                "Christmas 2027-12-25..2027-12-26", "Christmas 2028-12-25..2028-12-26");
        assertThat(slotsOn(mia, "2026-12-07", "Europe/Berlin", token)).isEmpty();

        long events = storedEvents();
        Api.Response again = upload(CALENDAR);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("holidays")).isEqualTo(imported.json().path("holidays"));
        assertThat(storedEvents()).isEqualTo(events);

        // calendar files may be larger than other request bodies (64 KiB), up to 1 MiB
        String padded = CALENDAR.replace("SUMMARY:Closing day", "SUMMARY:Closing day\r\nDESCRIPTION:" + "x".repeat(70) + "\r\n "
                + ("y".repeat(70) + "\r\n ").repeat(1500) + "z");
        assertThat(padded.length()).isGreaterThan(100_000);
        assertThat(upload(padded).status()).isEqualTo(200);
        Api.Response tooLarge = upload(CALENDAR + "X-PADDING:" + "x".repeat(1_100_000));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("payload-too-large");
        assertThat(storedEvents()).isEqualTo(events);

        Api.Response broken = upload("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n");
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.code()).isEqualTo("invalid-calendar");
        assertThat(upload("").code()).isEqualTo("invalid-calendar");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aCalendarIsFetchedFromAUrl() throws IOException {
        String url = serve(200, CALENDAR, null);
        Api.Response imported = api.post(holidays + "/import", "{\"url\":\"" + url + "\"}", "Idempotency-Key", "import-1");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.json().path("count").asInt()).isEqualTo(4);
        assertThat(listed(imported.header("Consistency-Token").orElseThrow())).hasSize(4);
    }

    @Test
    void unreachableOversizedAndPrivateCalendarsAreRefusedAndStoreNothing() throws IOException {
        long events = storedEvents();
        String missing = serve(404, "", null);
        Api.Response notFound = api.post(holidays + "/import", "{\"url\":\"" + missing + "\"}");
        assertThat(notFound.status()).isEqualTo(422);
        assertThat(notFound.code()).isEqualTo("calendar-unreachable");
        server.stop(0);

        String redirect = serve(302, "", "http://10.20.30.40/closures.ics");
        assertThat(api.post(holidays + "/import", "{\"url\":\"" + redirect + "\"}").code()).isEqualTo("calendar-url-refused");
        server.stop(0);

        String huge = serve(200, CALENDAR + "X-PADDING:" + "x".repeat(1_100_000), null);
        assertThat(api.post(holidays + "/import", "{\"url\":\"" + huge + "\"}").code()).isEqualTo("invalid-calendar");

        for (String url : List.of("http://192.168.1.10/cal.ics", "http://10.0.0.1/cal.ics", "http://169.254.169.254/latest",
                "http://[fd00::1]/cal.ics", "http://0.0.0.0/cal.ics", "file:///etc/passwd", "ftp://example.com/cal.ics")) {
            Api.Response refused = api.post(holidays + "/import", "{\"url\":\"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.code()).as(url).isEqualTo("calendar-url-refused");
        }
        assertThat(storedEvents()).isEqualTo(events);
    }
}
