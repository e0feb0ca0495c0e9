package dev.kairos.edge;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP client for the engine's API in tests. By default it signs in as the platform admin that every test
 * engine creates ({@link EngineTest#ADMIN_EMAIL}), so a test acts for any business it names; {@link #as(String)} acts
 * with another bearer token, {@link #anonymous()} with none.
 */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** {@code null}: the platform admin's; empty: none. */
    private final String bearer;

    public Api(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private Api(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same engine, with {@code accessToken} as the bearer token. */
    public Api as(String accessToken) {
        return new Api(base, accessToken);
    }

    /** The same engine, without credentials. */
    public Api anonymous() {
        return new Api(base, "");
    }

    /** Signs in with email and password (for {@code businessId} if not null) and answers the token response. */
    public Response login(String email, String password, java.util.UUID businessId) {
        return anonymous().post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                + (businessId == null ? "" : ",\"businessId\":\"" + businessId + "\"") + "}");
    }

    private String adminToken(boolean renew) {
        if (renew) {
            ADMIN_TOKENS.remove(base);
        }
        return ADMIN_TOKENS.computeIfAbsent(base, b -> {
            Response r = login(EngineTest.ADMIN_EMAIL, EngineTest.ADMIN_PASSWORD, null);
            if (r.status() != 200) {
                throw new IllegalStateException("platform admin login failed: " + r.status() + " " + r.raw().body());
            }
            return r.text("access_token");
        });
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String text(String field) {
            return json.path(field).asString();
        }

        public String code() {
            return json.path("code").asString();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b, headers);
    }

    public Response put(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    public Response send(HttpRequest.Builder request, String... headers) {
        boolean authorized = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!authorized && bearer == null) {
            HttpRequest.Builder copy = request.copy();
            Response first = exchange(request.header("Authorization", "Bearer " + adminToken(false)));
            if (first.status() != 401 || !"invalid-token".equals(first.code())) {
                return first;
            }
            // another engine on the same port before: sign in again
            return exchange(copy.header("Authorization", "Bearer " + adminToken(true)));
        }
        if (!authorized && !bearer.isEmpty()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return exchange(request);
    }

    private Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = !isJson || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
