package dev.kairos.edge.exposure;

import dev.kairos.edge.Api;
import dev.kairos.edge.Scenario;
import dev.kairos.edge.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IP allowlists, CORS origins, security headers and request limits over HTTP. The engine runs as behind a reverse
 * proxy ({@code server.forward-headers-strategy=native}): requests without forwarding headers come from 127.0.0.1,
 * the test's own address.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ExposureApiIntegrationTest extends EngineTest {
    private static final String SALON = "https://salon.example";

    record Owner(UUID businessId, String token, Api api) {
        String path() {
            return "/api/v1/businesses/" + businessId;
        }

        /** A read that answers 200 as soon as the business exists (its list of services, empty at first). */
        String services() {
            return path() + "/services";
        }
    }

    private Owner register(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.com";
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"Europe/Berlin","currency":"EUR"},
                 "owner":{"name":"Owner of %s","email":"%s","password":"a long enough passphrase"}}
                """.formatted(name, name, email));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return new Owner(UUID.fromString(r.text("businessId")), r.text("access_token"), api.as(r.text("access_token")));
    }

    private String key(Owner owner) {
        Api.Response r = owner.api().post(owner.path() + "/api-keys", "{\"name\":\"pos\",\"scopes\":[\"catalog:read\"]}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("key");
    }

    private Api.Response preflight(String path, String origin) {
        return api.anonymous().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
    }

    @Test
    void theBusinessAllowlistAppliesToMembersAndKeysButNotToCustomersAndPlatformAdmins() {
        Owner salon = register("Allowlisted Salon");
        String key = key(salon);
        Scenario scenario = Scenario.of(api, salon.businessId());
        UUID cut = scenario.service("Cut", 30, 0, 0, 30, 0);
        UUID mia = scenario.staff("Mia", "Europe/Berlin", List.of(cut), "09:00-17:00");
        Api.Response customer = scenario.customerAccount(cut, mia, "2026-12-07T10:00:00+01:00", "Carla", "her own passphrase");
        Api carla = api.as(customer.text("access_token"));

        Api.Response set = salon.api().put(salon.path() + "/access/ip-allowlist", "{\"cidrs\":[\"10.0.0.0/8\",\"2001:DB8::/32\"]}");
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.json().path("cidrs").toString()).isEqualTo("[\"10.0.0.0/8\",\"2001:db8::/32\"]");

        Api.Response owner = salon.api().get(salon.services());
        assertThat(owner.status()).isEqualTo(403);
        assertThat(owner.code()).isEqualTo("ip-not-allowed");
        assertThat(owner.contentType()).startsWith("application/problem+json");
        Api.Response byKey = api.anonymous().get(salon.services(), "X-Api-Key", key);
        assertThat(byKey.status()).isEqualTo(403);
        assertThat(byKey.code()).isEqualTo("ip-not-allowed");
        assertThat(carla.get("/api/v1/auth/me").status()).isEqualTo(200);
        Api.Response admin = api.get(salon.path() + "/access/ip-allowlist");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("cidrs").size()).isEqualTo(2);

        // through a proxy on this host that names the client 10.1.2.3
        assertThat(salon.api().get(salon.services(), "X-Forwarded-For", "10.1.2.3").status()).isEqualTo(200);
        assertThat(salon.api().get(salon.services(), "X-Forwarded-For", "192.0.2.1").status()).isEqualTo(403);

        assertThat(api.put(salon.path() + "/access/ip-allowlist", "{\"cidrs\":[\"127.0.0.0/8\"]}").status()).isEqualTo(200);
        assertThat(salon.api().get(salon.services()).status()).isEqualTo(200);
        assertThat(api.anonymous().get(salon.services(), "X-Api-Key", key).status()).isEqualTo(200);

        assertThat(salon.api().put(salon.path() + "/access/ip-allowlist", "{\"cidrs\":[]}").status()).isEqualTo(200);
        assertThat(salon.api().get(salon.path() + "/access/ip-allowlist").json().path("cidrs").size()).isZero();
        assertThat(salon.api().get(salon.services(), "X-Forwarded-For", "192.0.2.1").status()).isEqualTo(200);
    }

    @Test
    void allowlistsHoldOnlyValidBlocks() {
        Owner salon = register("Careful Salon");
        List<String> invalid = List.of("10.0.0.1/8", "300.1.1.1", "10.0.0", "intranet.example", "::1/129", "10.0.0.0/33",
                "1:::2", "::ffff:10.0.0.0/104", "10.0.0.0/-1", " ", "10.0.0.0/8/8");
        for (String cidr : invalid) {
            Api.Response r = salon.api().put(salon.path() + "/access/ip-allowlist", "{\"cidrs\":[\"" + cidr + "\"]}");
            assertThat(r.status()).as(cidr).isEqualTo(422);
            assertThat(r.code()).as(cidr).isEqualTo("invalid-cidr");
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            many.add("\"10.0." + i + ".0/24\"");
        }
        Api.Response tooMany = salon.api().put(salon.path() + "/access/ip-allowlist", "{\"cidrs\":[" + String.join(",", many) + "]}");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.code()).isEqualTo("invalid-cidr");
        Api.Response missing = salon.api().put(salon.path() + "/access/ip-allowlist", "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.code()).isEqualTo("validation-failed");

        Api.Response valid = salon.api().put(salon.path() + "/access/ip-allowlist",
                "{\"cidrs\":[\"127.0.0.1\",\"0.0.0.0/0\",\"::/0\",\"fe80::/10\",\"127.0.0.1/32\"]}");
        assertThat(valid.status()).as(valid.raw().body()).isEqualTo(200);
        assertThat(valid.json().path("cidrs").toString()).isEqualTo("[\"127.0.0.1/32\",\"0.0.0.0/0\",\"::/0\",\"fe80::/10\"]");
    }

    @Test
    void corsAnswersOnlyTheOriginsABusinessRegistered() {
        Owner salon = register("Widget Salon");
        Owner other = register("Other Salon");
        Api.Response set = salon.api().put(salon.path() + "/access/cors-origins",
                "{\"origins\":[\"https://SALON.example\",\"http://localhost:3000\",\"https://salon.example:443\"]}");
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.json().path("origins").toString()).isEqualTo("[\"http://localhost:3000\",\"https://salon.example\"]");

        Api.Response allowed = preflight(salon.path() + "/appointments", SALON);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains(SALON);
        assertThat(allowed.header("Access-Control-Max-Age")).contains("600");
        assertThat(allowed.header("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("idempotency-key");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEmpty();

        Api.Response stranger = preflight(salon.path() + "/appointments", "https://evil.example");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isEmpty();
        Api.Response otherBusiness = preflight(other.path() + "/appointments", SALON);
        assertThat(otherBusiness.status()).isEqualTo(403);
        assertThat(otherBusiness.header("Access-Control-Allow-Origin")).isEmpty();

        // routes that name no business: an origin some business registered
        String appointment = "/api/v1/appointments/" + UUID.randomUUID();
        assertThat(preflight(appointment, "http://localhost:3000").header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(preflight("/api/v1/availability/service/" + UUID.randomUUID(), SALON).status()).isEqualTo(200);
        assertThat(preflight(appointment, "https://evil.example").status()).isEqualTo(403);

        Api.Response actual = salon.api().get(salon.services(), "Origin", SALON);
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).contains(SALON);
        assertThat(actual.header("Access-Control-Expose-Headers").orElse("")).contains("ETag").contains("Location").contains("Retry-After");
        Api.Response fromStranger = salon.api().get(salon.services(), "Origin", "https://evil.example");
        assertThat(fromStranger.status()).isEqualTo(403);
        assertThat(fromStranger.code()).isEqualTo("cors-origin-not-allowed");
        assertThat(fromStranger.header("Access-Control-Allow-Origin")).isEmpty();
        Api.Response notTheirs = other.api().get(other.services(), "Origin", SALON);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.code()).isEqualTo("cors-origin-not-allowed");
        // same-origin requests and server-to-server calls are not cross-origin
        assertThat(other.api().get(other.services(), "Origin", "http://127.0.0.1:" + port).status()).isEqualTo(200);
        assertThat(other.api().get(other.services()).status()).isEqualTo(200);

        assertThat(salon.api().put(salon.path() + "/access/cors-origins", "{\"origins\":[]}").status()).isEqualTo(200);
        assertThat(preflight(salon.path() + "/appointments", SALON).status()).isEqualTo(403);
        assertThat(salon.api().get(salon.path() + "/access/cors-origins").json().path("origins").size()).isZero();
    }

    @Test
    void originsAreSchemeHostAndPortOnly() {
        Owner salon = register("Exact Salon");
        for (String origin : List.of("https://salon.example/booking", "https://salon.example/", "*", "https://*.salon.example",
                "ftp://salon.example", "salon.example", "https://user@salon.example", "https://salon.example?x=1", "null", "")) {
            Api.Response r = salon.api().put(salon.path() + "/access/cors-origins", "{\"origins\":[\"" + origin + "\"]}");
            assertThat(r.status()).as(origin).isEqualTo(422);
            assertThat(r.code()).as(origin).isEqualTo("invalid-origin");
        }
        Api.Response missing = salon.api().put(salon.path() + "/access/cors-origins", "{}");
        assertThat(missing.code()).isEqualTo("validation-failed");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            many.add("\"https://s" + i + ".example\"");
        }
        assertThat(salon.api().put(salon.path() + "/access/cors-origins", "{\"origins\":[" + String.join(",", many) + "]}").code())
                .isEqualTo("invalid-origin");
        Api.Response auditorRule = salon.api().put(salon.path() + "/access/cors-origins", "{\"origins\":[\"https://ok.example:8443\"]}");
        assertThat(auditorRule.json().path("origins").toString()).isEqualTo("[\"https://ok.example:8443\"]");
    }

    @Test
    void securityHeadersAreOnAnswersAndProblems() {
        Owner salon = register("Headed Salon");
        Api.Response ok = salon.api().get(salon.services(), "X-Forwarded-Proto", "https");
        Api.Response problem = salon.api().get(salon.path() + "/services/" + UUID.randomUUID(), "X-Forwarded-Proto", "https");
        Api.Response unauthenticated = api.anonymous().get(salon.services(), "X-Forwarded-Proto", "https");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(unauthenticated.status()).isEqualTo(401);
        for (Api.Response r : List.of(ok, problem, unauthenticated)) {
            assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.header("X-Frame-Options")).contains("DENY");
            assertThat(r.header("Strict-Transport-Security")).contains("max-age=31536000 ; includeSubDomains");
            assertThat(r.header("Referrer-Policy")).contains("no-referrer");
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
            assertThat(r.header("Cache-Control").orElse("")).contains("no-store");
        }
        // over plain HTTP browsers ignore HSTS, and it is not sent
        assertThat(salon.api().get(salon.services()).header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void tooLargeHeadersAreRefusedBeforeTheEngine() {
        Owner salon = register("Limited Salon");
        Api.Response r = salon.api().get(salon.services(), "X-Filler", "f".repeat(20_000));
        assertThat(r.status()).isIn(400, 431);
        assertThat(salon.api().get(salon.services(), "X-Filler", "f".repeat(8_000)).status()).isEqualTo(200);
    }

    @Test
    void theBodyLimitHoldsForAuthenticatedCallers() {
        Owner salon = register("Bounded Salon");
        String huge = "{\"name\":\"" + "n".repeat(70_000) + "\",\"duration\":\"PT30M\",\"price\":{\"amount\":\"40.00\",\"currency\":\"EUR\"}}";
        Api.Response r = salon.api().post(salon.path() + "/services", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("payload-too-large");
        Api.Response withKey = api.anonymous().post(salon.path() + "/services", huge, "X-Api-Key", key(salon));
        assertThat(withKey.status()).isEqualTo(413);
    }
}
