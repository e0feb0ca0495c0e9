package dev.kairos.edge.feed;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A business's public events over HTTP: pages in store order, filtered by type, never another business's; the live
 * stream that follows new events and resumes after the last one its client saw; the catalogue and its schemas.
 */
@TestPropertySource(properties = {"kairos.events.feed.heartbeat=300ms", "kairos.events.feed.streams-per-business=2"})
class EventFeedIntegrationTest extends EngineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "feed-test-password-42";
    @Autowired
    private EventStreams streams;
    private final List<Sse> open = new ArrayList<>();
    private Owner studio;
    private Owner gym;

    /** A business registered by its owner, with one service and one staff member. */
    private record Owner(Api api, String token, Scenario scenario, UUID service, UUID staff) {
        UUID id() {
            return scenario.businessId;
        }
    }

    private Owner register(String name) {
        String label = name + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"UTC","currency":"EUR"},"owner":{"name":"%s Owner","email":"owner@%s.test","password":"%s"}}
                """.formatted(label, label, label.toLowerCase(), PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        String token = r.text("access_token");
        Api owner = api.as(token);
        Scenario scenario = Scenario.of(owner, UUID.fromString(r.text("businessId")));
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.get("/api/v1/businesses/" + scenario.businessId).status() == 200);
        UUID service = scenario.service("Session", 60, 0, 0, 60, 0);
        UUID staff = scenario.staff("Mia", "UTC", List.of(service), "09:00-17:00");
        return new Owner(owner, token, scenario, service, staff);
    }

    @BeforeEach
    void businesses() {
        studio = register("Studio");
        gym = register("Gym");
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Sse::close);
    }

    private String book(Owner owner, String start) {
        Api.Response r = owner.scenario().book(owner.service(), owner.staff(), start, "Ada");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("id");
    }

    private Api.Response feed(Owner owner, String query) {
        return owner.api().get("/api/v1/businesses/" + owner.id() + "/events" + query);
    }

    private List<JsonNode> items(Api.Response page) {
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().path("items").forEach(items::add);
        return items;
    }

    private List<String> types(List<JsonNode> items) {
        return items.stream().map(i -> i.path("event").path("type").asString()).toList();
    }

    private void assertValidAgainstPublishedSchema(JsonNode event) {
        Api.Response schema = api.anonymous().get("/api/v1/events/schemas/" + event.path("type").asString());
        assertThat(schema.status()).isEqualTo(200);
        Schemas.assertValid(schema.raw().body(), event.toString());
    }

    @Test
    void theFeedAnswersTheBusinessesPublicEventsInStoreOrderByPagesAndTypes() {
        String first = book(studio, "2026-12-07T09:00:00Z");
        String second = book(studio, "2026-12-07T10:00:00Z");
        book(gym, "2026-12-07T09:00:00Z");
        String third = book(studio, "2026-12-07T11:00:00Z");
        assertThat(studio.api().post("/api/v1/appointments/" + first + "/confirm", "").status()).isEqualTo(200);
        assertThat(studio.api().post("/api/v1/appointments/" + second + "/cancel", "{}").status()).isEqualTo(200);

        List<JsonNode> all = items(feed(studio, ""));
        assertThat(types(all)).containsExactly("kairos.appointment.booked.v1", "kairos.appointment.booked.v1",
                "kairos.appointment.booked.v1", "kairos.appointment.confirmed.v1", "kairos.appointment.cancelled.v1");
        assertThat(all.stream().map(i -> i.path("event").path("subject").asString()).toList()).containsExactly(
                "appointments/" + first, "appointments/" + second, "appointments/" + third, "appointments/" + first,
                "appointments/" + second);
        List<Long> positions = all.stream().map(i -> i.path("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        all.forEach(i -> {
            assertThat(i.path("event").path("source").asString()).isEqualTo("/businesses/" + studio.id());
            assertValidAgainstPublishedSchema(i.path("event"));
        });
        Long stored = jdbc.queryForObject("SELECT global_index FROM domainevententry WHERE event_identifier = ?", Long.class,
                all.get(0).path("event").path("id").asString());
        assertThat(positions.get(0)).as("positions are the store's").isEqualTo(stored);

        // pages of two, each after the last one's cursor, up to the end
        List<Long> paged = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 4; page++) {
            Api.Response r = feed(studio, "?limit=2&after=" + after);
            List<JsonNode> items = items(r);
            items.forEach(i -> paged.add(i.path("position").asLong()));
            assertThat(items).hasSize(page < 2 ? 2 : page == 2 ? 1 : 0);
            after = r.json().path("next").asLong();
        }
        assertThat(paged).isEqualTo(positions);
        assertThat(after).isEqualTo(positions.get(4));

        List<JsonNode> cancelled = items(feed(studio, "?types=kairos.appointment.cancelled.v1,kairos.appointment.confirmed.v1"));
        assertThat(types(cancelled)).containsExactly("kairos.appointment.confirmed.v1", "kairos.appointment.cancelled.v1");

        List<JsonNode> gymEvents = items(feed(gym, ""));
        assertThat(types(gymEvents)).containsExactly("kairos.appointment.booked.v1");
        assertThat(gymEvents.get(0).path("event").path("source").asString()).isEqualTo("/businesses/" + gym.id());
        assertThat(positions).doesNotContain(gymEvents.get(0).path("position").asLong());
    }

    @Test
    void anotherBusinessesFeedIsNotFoundAndBadQueriesAreProblems() {
        book(gym, "2026-12-07T09:00:00Z");
        Api.Response foreign = studio.api().get("/api/v1/businesses/" + gym.id() + "/events");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw().body()).doesNotContain("kairos.appointment");
        Api.Response foreignStream = studio.api().get("/api/v1/businesses/" + gym.id() + "/events/stream?duration=PT0S");
        assertThat(foreignStream.status()).isEqualTo(404);

        assertThat(feed(studio, "?limit=0").code()).isEqualTo("invalid-value");
        assertThat(feed(studio, "?limit=1001").code()).isEqualTo("invalid-value");
        assertThat(feed(studio, "?after=-1").code()).isEqualTo("invalid-value");
        assertThat(feed(studio, "?types=kairos.appointment.teleported.v1").code()).isEqualTo("invalid-value");
        String stream = "/api/v1/businesses/" + studio.id() + "/events/stream";
        assertThat(studio.api().get(stream + "?duration=PT2H").code()).isEqualTo("invalid-duration");
        assertThat(studio.api().get(stream + "?duration=soon").code()).isEqualTo("invalid-duration");
        assertThat(studio.api().get(stream + "?duration=PT0S", "Last-Event-ID", "yesterday").code()).isEqualTo("invalid-value");
        assertThat(studio.api().get(stream + "?types=kairos.nothing.v1&duration=PT0S").code()).isEqualTo("invalid-value");
    }

    @Test
    void theCatalogueListsEveryPublicTypeWithItsSchema() {
        Api.Response catalogue = api.anonymous().get("/api/v1/events/catalogue");
        assertThat(catalogue.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        catalogue.json().path("types").forEach(t -> {
            types.add(t.path("type").asString());
            assertThat(t.path("description").asString()).isNotBlank();
            assertThat(t.path("dataschema").asString()).endsWith("/api/v1/events/schemas/" + t.path("type").asString());
        });
        assertThat(types).containsExactly(java.util.Arrays.stream(PublicEventType.values()).map(PublicEventType::type).toArray(String[]::new));
        for (String type : types) {
            Api.Response schema = api.anonymous().get("/api/v1/events/schemas/" + type);
            assertThat(schema.status()).isEqualTo(200);
            assertThat(schema.contentType()).startsWith("application/schema+json");
            assertThat(schema.json().path("properties").path("type").path("const").asString()).isEqualTo(type);
        }
        Api.Response unknown = api.anonymous().get("/api/v1/events/schemas/kairos.appointment.teleported.v1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("event-type-not-found");
    }

    /** A live stream read line by line in the background. */
    private final class Sse {
        final HttpResponse<Stream<String>> response;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader;
        int heartbeats;

        Sse(Owner owner, String query, String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/businesses/"
                    + owner.id() + "/events/stream" + query)).header("Accept", "text/event-stream");
            request.header("Authorization", "Bearer " + owner.token());
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test hung up
                }
            });
            reader.setDaemon(true);
            reader.start();
            open.add(this);
        }

        /** The next event (id, type, data), skipping heartbeats; null when none comes in time. */
        JsonNode next(Duration within) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            String id = null;
            String type = null;
            String data = null;
            while (true) {
                String line = lines.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return null;
                }
                if (line.startsWith(":")) {
                    heartbeats++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5);
                } else if (line.isEmpty() && data != null) {
                    JsonNode event = JSON.readTree(data);
                    assertThat(event.path("type").asString()).isEqualTo(type);
                    return JSON.createObjectNode().put("id", id).set("event", event);
                }
            }
        }


        void close() {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theLiveStreamFollowsNewEventsAndResumesAfterTheLastOneSeen() throws Exception {
        String before = book(studio, "2026-12-07T09:00:00Z");
        Sse live = new Sse(studio, "", null);
        assertThat(live.response.statusCode()).isEqualTo(200);
        assertThat(live.response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        JsonNode backlog = live.next(Duration.ofSeconds(5));
        assertThat(backlog.path("event").path("subject").asString()).isEqualTo("appointments/" + before);

        String happening = book(studio, "2026-12-07T10:00:00Z");
        book(gym, "2026-12-07T10:00:00Z");
        JsonNode received = live.next(Duration.ofSeconds(5));
        assertThat(received.path("event").path("subject").asString()).isEqualTo("appointments/" + happening);
        assertThat(received.path("event").path("type").asString()).isEqualTo("kairos.appointment.booked.v1");
        assertValidAgainstPublishedSchema(received.path("event"));
        assertThat(live.next(Duration.ofMillis(800))).as("nothing of the other business").isNull();
        assertThat(live.heartbeats).as("an idle stream sends heartbeats").isPositive();
        String lastSeen = received.path("id").asString();
        live.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams(studio.id()) == 0);

        // missed while away
        String missed1 = book(studio, "2026-12-07T11:00:00Z");
        assertThat(studio.api().post("/api/v1/appointments/" + happening + "/confirm", "").status()).isEqualTo(200);
        String missed2 = book(studio, "2026-12-07T12:00:00Z");

        Sse resumed = new Sse(studio, "?after=0", lastSeen);
        List<JsonNode> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(resumed.next(Duration.ofSeconds(5)));
        }
        assertThat(got.stream().map(e -> e.path("event").path("subject").asString()).toList())
                .containsExactly("appointments/" + missed1, "appointments/" + happening, "appointments/" + missed2);
        assertThat(got.stream().map(e -> e.path("event").path("type").asString()).toList()).containsExactly(
                "kairos.appointment.booked.v1", "kairos.appointment.confirmed.v1", "kairos.appointment.booked.v1");
        List<Long> ids = got.stream().map(e -> Long.parseLong(e.path("id").asString())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > Long.parseLong(lastSeen));
        List<Long> fromFeed = items(feed(studio, "?after=" + lastSeen)).stream().map(i -> i.path("position").asLong()).toList();
        assertThat(ids).as("exactly the events the feed has after the last one seen").isEqualTo(fromFeed);
        assertThat(resumed.next(Duration.ofMillis(700))).as("no duplicates").isNull();

        String after = book(studio, "2026-12-07T13:00:00Z");
        assertThat(resumed.next(Duration.ofSeconds(5)).path("event").path("subject").asString()).isEqualTo("appointments/" + after);
    }

    @Test
    void aBusinessHasABoundedNumberOfOpenStreamsAndAStreamEndsAfterItsDuration() throws Exception {
        book(studio, "2026-12-07T09:00:00Z");
        new Sse(studio, "", null);
        new Sse(studio, "", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams(studio.id()) == 2);
        Api.Response third = studio.api().get("/api/v1/businesses/" + studio.id() + "/events/stream?duration=PT0S");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("too-many-streams");
        assertThat(gym.api().get("/api/v1/businesses/" + gym.id() + "/events/stream?duration=PT0S").status())
                .as("other businesses are not affected").isEqualTo(200);
        open.forEach(Sse::close);
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams(studio.id()) == 0);

        // a stream of no duration sends what is there and ends
        Api.Response once = studio.api().get("/api/v1/businesses/" + studio.id() + "/events/stream?duration=PT0S");
        assertThat(once.status()).isEqualTo(200);
        assertThat(once.raw().body()).contains("event:kairos.appointment.booked.v1");
        assertThat(streams.openStreams(studio.id())).isZero();
    }
}
