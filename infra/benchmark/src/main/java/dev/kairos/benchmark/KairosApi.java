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
import java.util.Map;
import java.util.UUID;

/** The engine's HTTP API, as far as the benchmark uses it. One instance is shared by all client threads. */
final class KairosApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    KairosApi(String baseUrl) {
        this.api = baseUrl + "/api/v1";
    }

    UUID registerBusiness(Map<String, Object> body) {
        return created(post("/businesses", body));
    }

    UUID defineService(UUID businessId, Map<String, Object> body) {
        return created(post("/businesses/" + businessId + "/services", body));
    }

    UUID registerStaff(UUID businessId, Map<String, Object> body) {
        return created(post("/businesses/" + businessId + "/staff", body));
    }

    /** Books a slot; returns the HTTP status (201 booked, 409 taken). */
    int book(UUID businessId, UUID serviceId, UUID staffId, Instant start, String customerEmail)
            throws IOException, InterruptedException {
        String body = "{\"serviceId\":\"" + serviceId + "\",\"staffId\":\"" + staffId + "\",\"start\":\"" + start
                + "\",\"customer\":{\"name\":\"Bench Customer\",\"email\":\"" + customerEmail + "\"}}";
        HttpRequest request = request("/businesses/" + businessId + "/appointments")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Free slots of a service over the local dates {@code from..to}; the raw response. */
    HttpResponse<String> freeSlots(UUID businessId, UUID serviceId, LocalDate from, LocalDate to)
            throws IOException, InterruptedException {
        HttpRequest request = request("/availability/service/" + serviceId + "?from=" + from + "&to=" + to)
                .header("X-Business-Id", businessId.toString()).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT).header("Content-Type", "application/json");
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) {
        try {
            HttpRequest request = request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static UUID created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return UUID.fromString(body.get("id").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
