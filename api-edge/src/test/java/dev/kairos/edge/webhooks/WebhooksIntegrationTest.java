package dev.kairos.edge.webhooks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import dev.kairos.edge.TestClock;
import dev.kairos.edge.support.OutboundUrls;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: subscriptions managed and validated over the API, public events delivered signed to a real
 * local HTTP endpoint, retried at their backoff times as the engine's clock moves, logged attempt by attempt,
 * redelivered by hand, and a subscription that keeps failing disabled with an email (a real SMTP server, GreenMail) and
 * a notice. The loopback is reachable only as 127.0.0.1 (an allowed block) over plain http (an allowed host); host
 * names of the tests resolve through a resolver that knows them ({@link Names}), as DNS would.
 */
@TestPropertySource(properties = {"kairos.webhooks.allow-loopback=false", "kairos.webhooks.allowed-cidrs=127.0.0.1/32",
        "kairos.webhooks.http-hosts=127.0.0.1,hooks.rebind.test", "kairos.webhooks.poll-interval=50ms",
        "kairos.webhooks.max-subscriptions=3", "kairos.webhooks.connect-timeout=1s", "kairos.webhooks.read-timeout=2s",
        "kairos.webhooks.mail-from=webhooks@kairos.test"})
@Import(WebhooksIntegrationTest.Names.class)
class WebhooksIntegrationTest extends EngineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GreenMail MAIL = startMail();
    private static final Map<String, InetAddress[]> NAMES = new ConcurrentHashMap<>();
    private static final String BOOKED = "kairos.appointment.booked.v1";
    private static final String CANCELLED = "kairos.appointment.cancelled.v1";

    @Autowired
    private Clock clock;
    @Autowired
    private WebhookFanOut fanOut;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private Subscriptions subscriptions;
    @Autowired
    private WebhookProperties properties;
    @Autowired
    private Deliveries deliveriesStore;
    @Autowired
    private dev.kairos.edge.support.IdGenerator ids;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private Business studio;
    private Business gym;

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /** Host names the tests' DNS knows; every other name resolves as usual, and names under .invalid do not. */
    @TestConfiguration
    static class Names {
        @Bean
        @Primary
        OutboundUrls.Resolver testResolver() {
            return host -> {
                InetAddress[] known = NAMES.get(host);
                if (known != null) {
                    return known;
                }
                if (host.endsWith(".invalid")) {
                    throw new UnknownHostException(host);
                }
                return InetAddress.getAllByName(host);
            };
        }
    }

    private static void name(String host, int... address) throws UnknownHostException {
        byte[] bytes = new byte[address.length];
        for (int i = 0; i < address.length; i++) {
            bytes[i] = (byte) address[i];
        }
        NAMES.put(host, new InetAddress[]{InetAddress.getByAddress(host, bytes)});
    }

    private record Business(Api api, String ownerEmail, Scenario scenario, UUID service, UUID staff) {
        UUID id() {
            return scenario.businessId;
        }

        String hooks(String rest) {
            return "/api/v1/businesses/" + id() + "/webhooks" + rest;
        }

        /**
         * The same business through the platform admin, whose client signs in again when the clock has moved past
         * its token (the owner's token lasts 15 minutes of the engine's clock).
         */
        Business viaPlatformAdmin(Api admin) {
            return new Business(admin, ownerEmail, Scenario.of(admin, id()), service, staff);
        }
    }

    private Business register(String name) {
        String label = name + UUID.randomUUID().toString().substring(0, 8);
        String email = "owner@" + label.toLowerCase() + ".test";
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"UTC","currency":"EUR"},"owner":{"name":"%s Owner","email":"%s","password":"webhook-test-password-42"}}
                """.formatted(label, label, email));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        Api owner = api.as(r.text("access_token"));
        Scenario scenario = Scenario.of(owner, UUID.fromString(r.text("businessId")));
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.get("/api/v1/businesses/" + scenario.businessId).status() == 200);
        UUID service = scenario.service("Session", 60, 0, 0, 60, 0);
        UUID staff = scenario.staff("Mia", "UTC", List.of(service), "08:00-20:00");
        return new Business(owner, email, scenario, service, staff);
    }

    @BeforeEach
    void businesses() {
        studio = register("Studio");
        gym = register("Gym");
    }

    @AfterEach
    void reset() {
        ((TestClock) clock).reset();
        endpoints.forEach(Endpoint::close);
        NAMES.clear();
    }

    private Endpoint endpoint() {
        Endpoint e = new Endpoint();
        endpoints.add(e);
        return e;
    }

    private JsonNode subscribe(Business b, String url, String... types) {
        Api.Response r = b.api().post(b.hooks(""), body(url, types));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.json();
    }

    private static String body(String url, String... types) {
        return "{\"url\":\"" + url + "\",\"eventTypes\":[" + String.join(",", List.of(types).stream().map(t -> "\"" + t + "\"").toList())
                + "],\"description\":\"test hook\"}";
    }

    private String book(Business b, String start) {
        Api.Response r = b.scenario().book(b.service(), b.staff(), start, "Ada");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("id");
    }

    private void refused(Business b, String body, int status, String code) {
        Api.Response r = b.api().post(b.hooks(""), body);
        assertThat(r.status()).as(body + " -> " + r.raw().body()).isEqualTo(status);
        assertThat(r.code()).as(body + " -> " + r.raw().body()).isEqualTo(code);
        assertThat(r.contentType()).contains("application/problem+json");
    }

    private List<JsonNode> deliveries(Business b, String hook) {
        Api.Response r = b.api().get(b.hooks("/" + hook + "/deliveries"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().forEach(list::add);
        return list;
    }

    private JsonNode log(Business b, String hook, String delivery) {
        Api.Response r = b.api().get(b.hooks("/" + hook + "/deliveries/" + delivery));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    /** The only delivery of the subscription, once it has made {@code attempts} attempts. */
    private JsonNode awaitAttempts(Business b, String hook, int attempts) {
        await("attempt " + attempts + " of " + hook).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    List<JsonNode> list = deliveries(b, hook);
                    return list.size() == 1 && list.get(0).path("attempts").asInt() >= attempts;
                });
        return deliveries(b, hook).get(0);
    }

    private void quietFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void subscriptionsAreManagedShowTheirSecretOnceAndRefuseWhatTheyMayNotCall() throws Exception {
        Endpoint endpoint = endpoint();
        JsonNode created = subscribe(studio, endpoint.url("/hooks/a"), BOOKED, CANCELLED);
        String id = created.path("id").asString();
        assertThat(created.path("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.path("state").asString()).isEqualTo("enabled");

        Api.Response read = studio.api().get(studio.hooks("/" + id));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().body()).doesNotContain(created.path("secret").asString()).doesNotContain("\"secret\"");
        assertThat(read.json().path("eventTypes").toString()).isEqualTo("[\"" + BOOKED + "\",\"" + CANCELLED + "\"]");
        Api.Response changed = studio.api().put(studio.hooks("/" + id), "{\"eventTypes\":[\"" + CANCELLED + "\"]}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.json().path("eventTypes").toString()).isEqualTo("[\"" + CANCELLED + "\"]");
        assertThat(changed.json().path("url").asString()).isEqualTo(endpoint.url("/hooks/a"));
        Api.Response rotated = studio.api().post(studio.hooks("/" + id + "/rotate-secret"), null);
        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
        assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(created.path("secret").asString());
        assertThat(Instant.parse(rotated.text("previousSecretValidUntil"))).isEqualTo(NOW.plus(Duration.ofHours(24)));

        // a retry with the same Idempotency-Key answers the same subscription and secret, and makes no other
        String url = endpoint.url("/hooks/b");
        Api.Response first = studio.api().post(studio.hooks(""), body(url, BOOKED), "Idempotency-Key", "hook-b");
        Api.Response retry = studio.api().post(studio.hooks(""), body(url, BOOKED), "Idempotency-Key", "hook-b");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.text("secret")).isEqualTo(first.text("secret"));
        assertThat(studio.api().get(studio.hooks("")).json().size()).isEqualTo(2);

        // https only, except to allowed hosts; never internal addresses; a bounded URL; known types; a bounded number
        name("hooks.internal.test", 10, 20, 30, 40);
        for (String refusedUrl : List.of("http://hooks.example.com/x", "https://10.1.2.3/x", "https://192.168.1.20/x",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://hooks.internal.test/x",
                "https://172.16.0.9/x", "https://[fd00::7]/x", "ftp://hooks.example.com/x", "https://user:pw@203.0.113.9/x")) {
            refused(studio, body(refusedUrl, BOOKED), 422, "webhook-url-refused");
        }
        refused(studio, body("https://203.0.113.9/" + "a".repeat(2048), BOOKED), 422, "webhook-url-refused");
        refused(studio, body("https://hooks.nowhere.invalid/x", BOOKED), 422, "webhook-url-unreachable");
        refused(studio, body(endpoint.url("/c"), "kairos.appointment.teleported.v1"), 422, "unknown-event-type");
        refused(studio, body(endpoint.url("/c")), 422, "validation-failed");
        refused(studio, "{\"eventTypes\":[\"" + BOOKED + "\"]}", 422, "validation-failed");
        refused(studio, "{\"url\":\"https://203.0.113.9/x\",\"eventTypes\":[\"" + BOOKED + "\"],\"description\":\"" + "d".repeat(501) + "\"}",
                422, "validation-failed");
        subscribe(studio, "https://203.0.113.9/hooks/c", BOOKED);
        refused(studio, body("https://203.0.113.9/hooks/d", BOOKED), 409, "webhook-limit-reached");
        Api.Response badUpdate = studio.api().put(studio.hooks("/" + id), "{\"url\":\"https://10.0.0.1/x\"}");
        assertThat(badUpdate.code()).isEqualTo("webhook-url-refused");

        // another business neither sees nor changes it, by its own path or by the studio's
        Api.Response foreign = gym.api().get(gym.hooks("/" + id));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("webhook-not-found");
        assertThat(gym.api().get(studio.hooks("/" + id)).status()).isEqualTo(404);
        assertThat(gym.api().delete(gym.hooks("/" + id)).status()).isEqualTo(404);
        assertThat(gym.api().post(gym.hooks("/" + id + "/rotate-secret"), null).status()).isEqualTo(404);
        assertThat(gym.api().get(gym.hooks("")).json().size()).isZero();

        assertThat(studio.api().delete(studio.hooks("/" + id)).status()).isEqualTo(204);
        assertThat(studio.api().get(studio.hooks("/" + id)).code()).isEqualTo("webhook-not-found");
    }

    @Test
    void eachBusinessReceivesItsChosenEventsSignedAsTheFeedHasThem() throws Exception {
        Endpoint endpoint = endpoint();
        JsonNode bookings = subscribe(studio, endpoint.url("/studio/booked"), BOOKED);
        JsonNode cancellations = subscribe(studio, endpoint.url("/studio/cancelled"), CANCELLED);
        JsonNode gymHook = subscribe(gym, endpoint.url("/gym/all"), BOOKED, CANCELLED);
        String appointment = book(studio, "2026-12-07T09:00:00Z");
        String gymAppointment = book(gym, "2026-12-07T09:00:00Z");
        assertThat(studio.api().post("/api/v1/appointments/" + appointment + "/cancel", "{}").status()).isEqualTo(200);

        List<Endpoint.Request> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            received.add(endpoint.next(20));
        }
        quietFor(Duration.ofMillis(500));
        assertThat(endpoint.drain()).as("one request per event and subscription").isEmpty();
        Map<String, Endpoint.Request> byPath = new java.util.HashMap<>();
        received.forEach(r -> byPath.put(r.path(), r));
        assertThat(byPath).containsOnlyKeys("/studio/booked", "/studio/cancelled", "/gym/all");

        Endpoint.Request booked = byPath.get("/studio/booked");
        JsonNode event = JSON.readTree(booked.body());
        assertThat(event.path("type").asString()).isEqualTo(BOOKED);
        assertThat(event.path("data").path("appointmentId").asString()).isEqualTo(appointment);
        assertThat(event.path("source").asString()).isEqualTo("/businesses/" + studio.id());
        assertThat(booked.header("Content-Type")).isEqualTo("application/cloudevents+json");
        assertThat(booked.header("Kairos-Event-Id")).isEqualTo(event.path("id").asString());
        assertThat(booked.header("Kairos-Event-Type")).isEqualTo(BOOKED);
        assertThat(booked.header("Kairos-Delivery-Attempt")).isEqualTo("1");
        String deliveryId = booked.header("Kairos-Delivery-Id");
        assertThat(deliveries(studio, bookings.path("id").asString()).get(0).path("id").asString()).isEqualTo(deliveryId);
        // the body is the public event exactly as the feed serves it
        JsonNode feed = studio.api().get("/api/v1/businesses/" + studio.id() + "/events?types=" + BOOKED).json().path("items").get(0);
        assertThat(event).isEqualTo(feed.path("event"));
        assertThat(JSON.readTree(byPath.get("/studio/cancelled").body()).path("type").asString()).isEqualTo(CANCELLED);
        JsonNode gymEvent = JSON.readTree(byPath.get("/gym/all").body());
        assertThat(gymEvent.path("data").path("appointmentId").asString()).isEqualTo(gymAppointment);
        assertThat(byPath.get("/gym/all").text()).doesNotContain(studio.id().toString()).doesNotContain(appointment);

        // the signature, checked as an integrator would: right secret, fresh, untampered
        String signature = booked.header("Kairos-Signature");
        String secret = bookings.path("secret").asString();
        long now = NOW.getEpochSecond();
        assertThat(signature).startsWith("t=" + now + ",v1=");
        assertThat(ReferenceVerifier.verify(signature, booked.body(), secret, now, 300)).isTrue();
        assertThat(ReferenceVerifier.verify(signature, booked.body(), secret, now + 300, 300)).as("within tolerance").isTrue();
        assertThat(ReferenceVerifier.verify(signature, booked.body(), secret, now + 301, 300)).as("too old").isFalse();
        assertThat(ReferenceVerifier.verify(signature, booked.body(), cancellations.path("secret").asString(), now, 300))
                .as("another subscription's secret").isFalse();
        byte[] tampered = booked.text().replace(appointment, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
        assertThat(ReferenceVerifier.verify(signature, tampered, secret, now, 300)).as("tampered body").isFalse();
        assertThat(ReferenceVerifier.verify(signature.replace("t=" + now, "t=" + (now + 1)), booked.body(), secret, now, 300))
                .as("tampered time").isFalse();
        assertThat(ReferenceVerifier.verify(signature, byPath.get("/gym/all").body(), secret, now, 300)).isFalse();
        assertThat(ReferenceVerifier.verify(byPath.get("/gym/all").header("Kairos-Signature"), byPath.get("/gym/all").body(),
                gymHook.path("secret").asString(), now, 300)).isTrue();

        // after a rotation both secrets sign, so receivers can switch over
        Api.Response rotated = studio.api().post(studio.hooks("/" + bookings.path("id").asString() + "/rotate-secret"), null);
        book(studio, "2026-12-07T11:00:00Z");
        Endpoint.Request next = endpoint.next(20);
        assertThat(ReferenceVerifier.verify(next.header("Kairos-Signature"), next.body(), rotated.text("secret"), now, 300)).isTrue();
        assertThat(ReferenceVerifier.verify(next.header("Kairos-Signature"), next.body(), secret, now, 300)).isTrue();
    }

    @Test
    void aFailingEndpointGetsTheEventOnARetryAtItsBackoffTimeAndByHand() {
        Endpoint endpoint = endpoint().answering(503);
        String hook = subscribe(studio, endpoint.url("/flaky"), BOOKED).path("id").asString();
        book(studio, "2026-12-08T09:00:00Z");
        Endpoint.Request first = endpoint.next(20);
        JsonNode delivery = awaitAttempts(studio, hook, 1);
        assertThat(delivery.path("state").asString()).isEqualTo("pending");
        Instant retryAt = Instant.parse(delivery.path("nextAttemptAt").asString());
        // retry 1 falls somewhere in the first window: 0 to 30 s after the delivery was made
        assertThat(retryAt).isAfterOrEqualTo(NOW).isBefore(NOW.plusSeconds(30));

        ((TestClock) clock).set(retryAt.minusMillis(1));
        quietFor(Duration.ofMillis(400));
        assertThat(endpoint.drain()).as("nothing before the retry is due").isEmpty();
        ((TestClock) clock).set(retryAt);
        Endpoint.Request second = endpoint.next(20);
        assertThat(second.header("Kairos-Delivery-Id")).isEqualTo(first.header("Kairos-Delivery-Id"));
        assertThat(second.header("Kairos-Event-Id")).isEqualTo(first.header("Kairos-Event-Id"));
        assertThat(second.header("Kairos-Delivery-Attempt")).isEqualTo("2");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Kairos-Signature")).startsWith("t=" + retryAt.getEpochSecond() + ",");
        JsonNode delivered = awaitAttempts(studio, hook, 2);
        assertThat(delivered.path("state").asString()).isEqualTo("delivered");
        assertThat(Instant.parse(delivered.path("deliveredAt").asString())).isEqualTo(retryAt);

        // the log: every attempt with its time, status, duration, error and the start of the answer
        String deliveryId = delivered.path("id").asString();
        JsonNode log = log(studio, hook, deliveryId);
        assertThat(log.path("event").path("id").asString()).isEqualTo(first.header("Kairos-Event-Id"));
        JsonNode attempts = log.path("attempts");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(Instant.parse(attempts.get(0).path("startedAt").asString())).isEqualTo(NOW);
        assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.get(0).path("error").asString()).contains("503");
        assertThat(attempts.get(0).path("responseSnippet").asString()).isEqualTo("answer 503 from the endpoint");
        assertThat(attempts.get(0).path("durationMs").asLong()).isNotNegative();
        assertThat(attempts.get(0).path("manual").asBoolean()).isFalse();
        assertThat(attempts.get(1).path("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).path("error").isNull()).isTrue();
        assertThat(Instant.parse(attempts.get(1).path("startedAt").asString())).isEqualTo(retryAt);

        // sent again by hand: a third attempt now, marked manual
        Api.Response again = studio.api().post(studio.hooks("/" + hook + "/deliveries/" + deliveryId + "/redeliver"), null);
        assertThat(again.status()).as(again.raw().body()).isEqualTo(202);
        Endpoint.Request third = endpoint.next(20);
        assertThat(third.header("Kairos-Delivery-Attempt")).isEqualTo("3");
        assertThat(third.header("Kairos-Delivery-Id")).isEqualTo(deliveryId);
        awaitAttempts(studio, hook, 3);
        JsonNode manual = log(studio, hook, deliveryId).path("attempts").get(2);
        assertThat(manual.path("manual").asBoolean()).isTrue();
        assertThat(manual.path("statusCode").asInt()).isEqualTo(200);
        assertThat(studio.api().get(studio.hooks("/" + hook + "/deliveries?state=delivered")).json().size()).isEqualTo(1);
        assertThat(studio.api().get(studio.hooks("/" + hook + "/deliveries?state=failed")).json().size()).isZero();
        assertThat(studio.api().get(studio.hooks("/" + hook + "/deliveries?state=lost")).code()).isEqualTo("invalid-value");
        assertThat(studio.api().get(studio.hooks("/" + hook + "/deliveries?limit=0")).code()).isEqualTo("invalid-value");
        assertThat(studio.api().get(studio.hooks("/" + hook + "/deliveries?limit=101")).code()).isEqualTo("invalid-value");
        Api.Response unknown = studio.api().post(studio.hooks("/" + hook + "/deliveries/" + UUID.randomUUID() + "/redeliver"), null);
        assertThat(unknown.code()).isEqualTo("webhook-delivery-not-found");
        assertThat(gym.api().get(gym.hooks("/" + hook + "/deliveries/" + deliveryId)).status()).isEqualTo(404);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndTheOwnersAreTold() throws Exception {
        Business studio = this.studio.viaPlatformAdmin(api);
        Endpoint endpoint = endpoint().otherwise(500);
        String hook = subscribe(studio, endpoint.url("/down"), BOOKED).path("id").asString();
        book(studio, "2026-12-09T09:00:00Z");
        Instant previous = NOW;
        for (int attempt = 1; attempt < 15; attempt++) {
            JsonNode delivery = awaitAttempts(studio, hook, attempt);
            assertThat(delivery.path("state").asString()).as("after attempt " + attempt).isEqualTo("pending");
            Instant retryAt = Instant.parse(delivery.path("nextAttemptAt").asString());
            // retry k lies in window k: min(6 h, 30 s * 2^(k-1)) wide, the windows back to back from the delivery's making
            Duration start = Duration.ZERO;
            for (int k = 1; k < attempt; k++) {
                start = start.plus(window(k));
            }
            assertThat(retryAt).as("retry " + attempt).isAfterOrEqualTo(NOW.plus(start)).isBefore(NOW.plus(start).plus(window(attempt)))
                    .isAfterOrEqualTo(previous);
            previous = retryAt;
            ((TestClock) clock).set(retryAt);
        }
        JsonNode failed = awaitAttempts(studio, hook, 15);
        assertThat(failed.path("state").asString()).isEqualTo("failed");
        assertThat(Duration.between(NOW, previous)).as("the schedule spans more than a day").isGreaterThan(Duration.ofHours(26));
        assertThat(endpoint.drain()).hasSize(15);

        await().atMost(Duration.ofSeconds(10)).until(() -> studio.api().get(studio.hooks("/" + hook)).text("state").equals("disabled"));
        JsonNode disabled = studio.api().get(studio.hooks("/" + hook)).json();
        assertThat(disabled.path("disabledReason").asString()).contains("failed 15 times").contains("HTTP 500");
        await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length > 0);
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(studio.ownerEmail());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("webhooks@kairos.test");
        assertThat(mail.getSubject()).isEqualTo("Webhook disabled: " + endpoint.url("/down"));
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains(hook).contains("failed 15 times");
        JsonNode notices = studio.api().get(studio.hooks("/notices")).json();
        assertThat(notices.size()).isEqualTo(1);
        assertThat(notices.get(0).path("kind").asString()).isEqualTo("subscription-disabled");
        assertThat(notices.get(0).path("subscriptionId").asString()).isEqualTo(hook);
        assertThat(notices.get(0).path("emailedTo").asString()).isEqualTo(studio.ownerEmail());
        Api.Response gymNotices = gym.viaPlatformAdmin(api).api().get(gym.hooks("/notices"));
        assertThat(gymNotices.status()).isEqualTo(200);
        assertThat(gymNotices.json().size()).isZero();

        // disabled: new events are not delivered, and nothing is sent by hand
        book(studio, "2026-12-09T11:00:00Z");
        quietFor(Duration.ofMillis(800));
        assertThat(deliveries(studio, hook)).hasSize(1);
        String deliveryId = failed.path("id").asString();
        Api.Response refused = studio.api().post(studio.hooks("/" + hook + "/deliveries/" + deliveryId + "/redeliver"), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("webhook-disabled");

        // enabled again, the endpoint back: the failed delivery goes through by hand, new events flow
        endpoint.otherwise(200);
        assertThat(studio.api().post(studio.hooks("/" + hook + "/enable"), null).json().path("state").asString()).isEqualTo("enabled");
        assertThat(studio.api().post(studio.hooks("/" + hook + "/deliveries/" + deliveryId + "/redeliver"), null).status()).isEqualTo(202);
        assertThat(endpoint.next(20).header("Kairos-Delivery-Id")).isEqualTo(deliveryId);
        await().atMost(Duration.ofSeconds(10)).until(() -> log(studio, hook, deliveryId).path("delivery").path("state").asString()
                .equals("delivered"));
        book(studio, "2026-12-09T13:00:00Z");
        assertThat(JSON.readTree(endpoint.next(20).body()).path("type").asString()).isEqualTo(BOOKED);
    }

    private static Duration window(int k) {
        Duration w = Duration.ofSeconds(30);
        for (int i = 1; i < k; i++) {
            w = w.multipliedBy(2);
        }
        return w.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : w;
    }

    @Test
    void theAddressIsCheckedAgainBeforeEveryRequest() throws Exception {
        Endpoint endpoint = endpoint();
        name("hooks.rebind.test", 127, 0, 0, 1);
        String hook = subscribe(studio, "http://hooks.rebind.test:" + endpoint.url("").replaceAll(".*:", "") + "/rebound", BOOKED)
                .path("id").asString();
        // the name now points into the private network (DNS rebinding): the request is not made
        name("hooks.rebind.test", 10, 0, 0, 7);
        book(studio, "2026-12-10T09:00:00Z");
        JsonNode delivery = awaitAttempts(studio, hook, 1);
        assertThat(delivery.path("state").asString()).isEqualTo("pending");
        JsonNode attempt = log(studio, hook, delivery.path("id").asString()).path("attempts").get(0);
        assertThat(attempt.path("statusCode").isNull()).isTrue();
        assertThat(attempt.path("error").asString()).startsWith("not sent:").contains("private or local");
        assertThat(endpoint.drain()).isEmpty();
    }

    @Test
    void anEventHandledAgainMakesNoSecondDelivery() {
        Endpoint endpoint = endpoint();
        String hook = subscribe(studio, endpoint.url("/once"), BOOKED).path("id").asString();
        book(studio, "2026-12-11T09:00:00Z");
        String eventId = endpoint.next(20).header("Kairos-Event-Id");
        awaitAttempts(studio, hook, 1);
        // as after a crash between the deliveries' commit and the next token: the same stored event handled again
        String aggregate = jdbc.queryForObject("SELECT aggregate_identifier FROM domainevententry WHERE event_identifier = ?",
                String.class, eventId);
        DomainEventMessage<?> stored = eventStore.readEvents(aggregate).asStream().filter(m -> m.getIdentifier().equals(eventId))
                .findFirst().orElseThrow();
        transactions.executeWithoutResult(status -> fanOut.on(stored.getPayload(), stored));
        quietFor(Duration.ofMillis(400));
        assertThat(deliveries(studio, hook)).hasSize(1);
        assertThat(endpoint.drain()).isEmpty();
    }

    /**
     * How fast one node sends: 2,000 queued deliveries of one subscription to the local endpoint, with this class's
     * settings (poll every 50 ms, batches of 20, 4 senders). Prints the figure; asserts only that all arrive.
     */
    @Test
    void oneNodeSendsQueuedDeliveries() {
        Endpoint endpoint = endpoint();
        String hook = subscribe(studio, endpoint.url("/bulk"), BOOKED).path("id").asString();
        int count = 2_000;
        long started = System.nanoTime();
        jdbc.update("""
                INSERT INTO webhook_delivery (delivery_id, subscription_id, business_id, event_id, event_type, position, payload, state,
                                              next_attempt_at, created_at)
                SELECT md5('bulk ' || n || ?)::uuid, ?::uuid, ?::uuid, 'bulk-' || n, ?, n, '{"specversion":"1.0","id":"bulk-' || n || '"}',
                       'PENDING', ?, ?
                FROM generate_series(1, ?) AS n""", hook, hook, studio.id(), BOOKED, java.sql.Timestamp.from(NOW),
                java.sql.Timestamp.from(NOW), count);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND state = 'DELIVERED'", Long.class, hook) == count);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("webhooks: %d deliveries sent and logged by one node in %.2f s (%.0f/s)%n", count, seconds, count / seconds);
        assertThat(endpoint.drain()).hasSize(count);
    }

    /** Without a mail server (the embedded default) the notice is recorded and logged, and says it was not emailed. */
    @Test
    void withoutAMailServerTheNoticeIsOnlyRecorded() {
        String hook = subscribe(gym, "https://203.0.113.9/quiet", BOOKED).path("id").asString();
        Notices withoutMail = new Notices(jdbc, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class), properties, ids, clock);
        int mails = MAIL.getReceivedMessages().length;
        withoutMail.subscriptionDisabled(subscriptions.get(gym.id(), UUID.fromString(hook)), "a reason of the test");
        JsonNode notices = gym.api().get(gym.hooks("/notices")).json();
        assertThat(notices.size()).isEqualTo(1);
        assertThat(notices.get(0).path("message").asString()).contains(hook).contains("a reason of the test");
        assertThat(notices.get(0).path("emailedTo").isNull()).isTrue();
        assertThat(MAIL.getReceivedMessages()).hasSize(mails);
    }

    /**
     * Several nodes claim from the same table: three claimants besides this engine's own sender take due deliveries at
     * the same moment, and no delivery is claimed twice; the engine sends exactly those nobody else took.
     */
    @Test
    void concurrentClaimantsNeverTakeTheSameDelivery() throws Exception {
        Endpoint endpoint = endpoint();
        String hook = subscribe(studio, endpoint.url("/claims"), BOOKED).path("id").asString();
        int count = 600;
        jdbc.update("""
                INSERT INTO webhook_delivery (delivery_id, subscription_id, business_id, event_id, event_type, position, payload, state,
                                              next_attempt_at, created_at)
                SELECT md5('claim ' || n || ?)::uuid, ?::uuid, ?::uuid, 'claim-' || n, ?, n, '{"id":"claim-' || n || '"}', 'PENDING', ?, ?
                FROM generate_series(1, ?) AS n""", hook, hook, studio.id(), BOOKED, java.sql.Timestamp.from(NOW),
                java.sql.Timestamp.from(NOW), count);
        java.util.concurrent.ExecutorService claimants = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<List<UUID>>> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claims.add(claimants.submit(() -> {
                List<UUID> mine = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    deliveriesStore.claim(10, Duration.ofHours(1)).forEach(d -> mine.add(d.id()));
                }
                return mine;
            }));
        }
        List<UUID> claimedHere = new ArrayList<>();
        for (var claim : claims) {
            claimedHere.addAll(claim.get());
        }
        claimants.shutdown();
        assertThat(claimedHere).doesNotHaveDuplicates();
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND state = 'DELIVERED'", Long.class, hook)
                == count - claimedHere.size());
        quietFor(Duration.ofMillis(300));
        List<String> sent = endpoint.drain().stream().map(r -> r.header("Kairos-Delivery-Id")).toList();
        assertThat(sent).hasSize(count - claimedHere.size()).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(claimedHere.stream().map(UUID::toString).toList());
    }
}
