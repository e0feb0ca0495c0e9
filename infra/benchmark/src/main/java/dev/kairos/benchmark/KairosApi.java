package dev.kairos.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engine's HTTP API, as far as the benchmark uses it. One instance is shared by all client threads. Every
 * business is signed up through {@code /auth/register}, and every request carries its owner's bearer token, so the
 * figures include authentication.
 */
final class KairosApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Each business's owner's access token. */
    private final Map<UUID, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** The platform admin's access token, once signed in. */
    private volatile String platformToken;

    KairosApi(String baseUrl) {
        this.api = baseUrl + "/api/v1";
    }

    /** Signs a business up with an owner of its own; the owner's token is used for everything of that business. */
    UUID registerBusiness(Map<String, Object> body) {
        UUID ownerId = UUID.randomUUID();
        HttpResponse<String> response = send("POST", "/auth/register", null, Map.of("business", body,
                "owner", Map.of("name", "Bench Owner", "email", "owner-" + ownerId + "@bench.example",
                        "password", "bench owner passphrase " + ownerId.toString().substring(0, 8))));
        expect(201, response);
        try {
            JsonNode answer = JSON.readTree(response.body());
            UUID business = UUID.fromString(answer.get("businessId").asText());
            tokens.put(business, answer.get("access_token").asText());
            return business;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    UUID defineService(UUID businessId, Map<String, Object> body) {
        return created(send("POST", "/businesses/" + businessId + "/services", businessId, body));
    }

    UUID registerStaff(UUID businessId, Map<String, Object> body) {
        return created(send("POST", "/businesses/" + businessId + "/staff", businessId, body));
    }

    /** Books a slot; returns the HTTP status (201 booked, 409 taken). */
    int book(UUID businessId, UUID serviceId, UUID staffId, Instant start, String customerEmail)
            throws IOException, InterruptedException {
        String body = "{\"serviceId\":\"" + serviceId + "\",\"staffId\":\"" + staffId + "\",\"start\":\"" + start
                + "\",\"customer\":{\"name\":\"Bench Customer\",\"email\":\"" + customerEmail + "\"}}";
        HttpRequest request = request("/businesses/" + businessId + "/appointments", businessId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Books a recurring series; the raw response (201 with the booked and skipped occurrences, 409 when none is free). */
    HttpResponse<String> bookSeries(UUID businessId, UUID serviceId, UUID staffId, LocalDateTime firstStart, String rule,
                                    String mode, String customerEmail) throws IOException, InterruptedException {
        String body = "{\"staffId\":\"" + staffId + "\",\"serviceId\":\"" + serviceId + "\",\"start\":\"" + firstStart
                + "\",\"rule\":\"" + rule + "\",\"mode\":\"" + mode
                + "\",\"customer\":{\"name\":\"Bench Customer\",\"email\":\"" + customerEmail + "\"}}";
        HttpRequest request = request("/businesses/" + businessId + "/series", businessId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Other working hours of one staff member on one date; no intervals make it a day off. */
    void overrideDay(UUID businessId, UUID staffId, LocalDate date, List<Map<String, String>> hours) {
        expect(200, send("PUT", "/businesses/" + businessId + "/staff/" + staffId + "/overrides/" + date, businessId,
                Map.of("hours", hours)));
    }

    void timeOff(UUID businessId, UUID staffId, Instant start, Instant end, String reason) {
        expect(201, send("POST", "/businesses/" + businessId + "/staff/" + staffId + "/time-off", businessId,
                Map.of("start", start.toString(), "end", end.toString(), "reason", reason)));
    }

    /** A business holiday over the dates {@code from..to} (inclusive). */
    void holiday(UUID businessId, String name, LocalDate from, LocalDate to) {
        expect(201, send("POST", "/businesses/" + businessId + "/holidays", businessId,
                Map.of("name", name, "from", from.toString(), "to", to.toString())));
    }

    /** Free slots of a service over the local dates {@code from..to}; the raw response. */
    HttpResponse<String> freeSlots(UUID businessId, UUID serviceId, LocalDate from, LocalDate to)
            throws IOException, InterruptedException {
        HttpRequest request = request("/availability/service/" + serviceId + "?from=" + from + "&to=" + to, businessId)
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as the engine's platform admin, who starts rebuilds and reads their progress. */
    void signInPlatformAdmin(String email, String password) {
        HttpResponse<String> response = send("POST", "/auth/login", null, Map.of("email", email, "password", password));
        expect(200, response);
        platformToken = read(response).get("access_token").asText();
    }

    /** Starts rebuilding a projection from the event store (202). */
    JsonNode rebuildProjection(String group) {
        HttpResponse<String> response = platform("POST", "/platform/projections/" + group + "/rebuild");
        expect(202, response);
        return read(response);
    }

    /** A processing group's progress through the event store. */
    JsonNode projection(String group) {
        HttpResponse<String> response = platform("GET", "/platform/projections/" + group);
        expect(200, response);
        return read(response);
    }

    private HttpResponse<String> platform(String method, String path) {
        return exchange(HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + platformToken).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request acting as the owner of {@code businessId}; {@code null}: without credentials. */
    private HttpRequest.Builder request(String path, UUID businessId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        if (businessId != null) {
            builder.header("Authorization", "Bearer " + tokens.get(businessId));
        }
        return builder;
    }

    private HttpResponse<String> send(String method, String path, UUID businessId, Map<String, Object> body) {
        try {
            return exchange(request(path, businessId).method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static UUID created(HttpResponse<String> response) {
        expect(201, response);
        try {
            JsonNode body = JSON.readTree(response.body());
            return UUID.fromString(body.get("id").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
