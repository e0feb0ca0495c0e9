package dev.kairos.edge.apikeys;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys over HTTP against a real PostgreSQL: created once, judged by scope, revoked at once, audited. */
class ApiKeysApiIntegrationTest extends EngineTest {
    private static final String KEY_FORMAT = "kairos_[a-z0-9]{8}_[A-Za-z0-9_-]{43}";

    record Owner(UUID businessId, String token, Api api) {
    }

    private Owner register(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.com";
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"Europe/Berlin","currency":"EUR"},
                 "owner":{"name":"Owner of %s","email":"%s","password":"a long enough passphrase"}}
                """.formatted(name, name, email));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        String token = r.text("access_token");
        return new Owner(UUID.fromString(r.text("businessId")), token, api.as(token));
    }

    private Api.Response createKey(Owner owner, String body, String... headers) {
        return owner.api().post("/api/v1/businesses/" + owner.businessId() + "/api-keys", body, headers);
    }

    private String key(Owner owner, String scopes) {
        Api.Response r = createKey(owner, "{\"name\":\"integration\",\"scopes\":[" + scopes + "]}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("key");
    }

    private Api.Response withKey(String key, String path) {
        return api.anonymous().get(path, "X-Api-Key", key);
    }

    private Api.Response delete(Api as, String path) {
        return as.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE());
    }

    private List<JsonNode> authEvents(Owner owner) {
        Api.Response r = owner.api().get("/api/v1/businesses/" + owner.businessId() + "/auth-events");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndWorksForItsScopesOnly() throws Exception {
        Owner salon = register("Key Salon");
        Api.Response created = createKey(salon, "{\"name\":\"booking site\",\"scopes\":[\"catalog:read\",\"bookings:read\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).matches(KEY_FORMAT);
        String prefix = created.text("prefix");
        assertThat(key).startsWith("kairos_" + prefix + "_");
        assertThat(created.header("Location")).contains("/api/v1/businesses/" + salon.businessId() + "/api-keys/" + created.text("id"));
        assertThat(created.header("Cache-Control").orElse("")).contains("no-store");

        String secret = key.substring(("kairos_" + prefix + "_").length());
        byte[] stored = jdbc.queryForObject("SELECT secret_hash FROM api_key WHERE prefix = ?", byte[].class, prefix);
        assertThat(stored).isEqualTo(sha256(secret));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE name || scopes || allowed_ips || prefix LIKE ?",
                Long.class, "%" + secret + "%")).isZero();

        String business = "/api/v1/businesses/" + salon.businessId();
        assertThat(withKey(key, business + "/services").status()).isEqualTo(200);
        Api.Response asAuthorization = api.anonymous().get(business + "/services", "Authorization", "ApiKey " + key);
        assertThat(asAuthorization.status()).as(asAuthorization.raw().body()).isEqualTo(200);
        assertThat(withKey(key, business + "/appointments").status()).isEqualTo(200);

        Api.Response write = api.anonymous().post(business + "/services", """
                {"name":"Cut","duration":"PT30M","price":{"amount":"40.00","currency":"EUR"},"maxAdvanceDays":60}
                """, "X-Api-Key", key);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("access-denied");
        Api.Response manage = withKey(key, business + "/api-keys");
        assertThat(manage.status()).isEqualTo(403);
        assertThat(manage.code()).isEqualTo("access-denied");

        Api.Response list = salon.api().get(business + "/api-keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw().body()).doesNotContain(secret).doesNotContain("secret").doesNotContain("hash");
        JsonNode listed = list.json().get(0);
        assertThat(listed.path("prefix").asString()).isEqualTo(prefix);
        assertThat(listed.path("name").asString()).isEqualTo("booking site");
        assertThat(listed.path("scopes").toString()).isEqualTo("[\"bookings:read\",\"catalog:read\"]");
        assertThat(listed.path("createdAt").asString()).isEqualTo(NOW.toString());
        assertThat(listed.path("lastUsedAt").asString()).isEqualTo(NOW.toString());
        assertThat(listed.path("state").asString()).isEqualTo("active");
        assertThat(listed.has("key")).isFalse();
    }

    @Test
    void aRevokedKeyIsRefusedOnTheNextRequest() {
        Owner salon = register("Revoking Salon");
        Api.Response created = createKey(salon, "{\"name\":\"old site\",\"scopes\":[\"catalog:read\"]}");
        String key = created.text("key");
        String business = "/api/v1/businesses/" + salon.businessId();
        assertThat(withKey(key, business + "/services").status()).isEqualTo(200);

        Api.Response revoked = delete(salon.api(), business + "/api-keys/" + created.text("id"));
        assertThat(revoked.status()).isEqualTo(204);
        Api.Response refused = withKey(key, business + "/services");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid-api-key");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("ApiKey"));

        JsonNode listed = salon.api().get(business + "/api-keys").json().get(0);
        assertThat(listed.path("state").asString()).isEqualTo("revoked");
        assertThat(listed.path("revokedAt").asString()).isEqualTo(NOW.toString());
        assertThat(delete(salon.api(), business + "/api-keys/" + created.text("id")).status()).isEqualTo(204);
        Api.Response unknown = delete(salon.api(), business + "/api-keys/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("api-key-not-found");
    }

    @Test
    void anExpiredKeyIsRefused() {
        Owner salon = register("Expiring Salon");
        Api.Response created = createKey(salon, "{\"name\":\"trial\",\"scopes\":[\"catalog:read\"],\"expiresAt\":\""
                + NOW.plusSeconds(3600) + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.text("expiresAt")).isEqualTo(NOW.plusSeconds(3600).toString());
        String key = created.text("key");
        String business = "/api/v1/businesses/" + salon.businessId();
        assertThat(withKey(key, business + "/services").status()).isEqualTo(200);

        // the hour passes: the clock is fixed, so the key's expiry is moved to now instead
        jdbc.update("UPDATE api_key SET expires_at = ? WHERE prefix = ?", Timestamp.from(NOW), created.text("prefix"));
        Api.Response refused = withKey(key, business + "/services");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid-api-key");
        assertThat(refused.json().path("detail").asString()).contains("expired");
        assertThat(salon.api().get(business + "/api-keys").json().get(0).path("state").asString()).isEqualTo("expired");

        Api.Response past = createKey(salon, "{\"name\":\"late\",\"scopes\":[\"catalog:read\"],\"expiresAt\":\"" + NOW + "\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.code()).isEqualTo("validation-failed");
    }

    @Test
    void malformedUnknownAndAmbiguousKeysAreRefused() {
        Owner salon = register("Guarded Salon");
        String key = key(salon, "\"catalog:read\"");
        String business = "/api/v1/businesses/" + salon.businessId();
        String prefix = key.substring(0, "kairos_".length() + 8);
        List<String> refused = List.of("nonsense", "kairos_short_abc", prefix + "_" + "A".repeat(43),
                "kairos_zzzzzzzz_" + key.substring(prefix.length() + 1), key + "x", "x".repeat(5000));
        for (String presented : refused) {
            Api.Response r = withKey(presented, business + "/services");
            assertThat(r.status()).as(presented).isEqualTo(401);
            assertThat(r.code()).isEqualTo("invalid-api-key");
        }
        Api.Response both = api.anonymous().get(business + "/services", "X-Api-Key", key, "Authorization", "Bearer " + salon.token());
        assertThat(both.status()).isEqualTo(401);
        assertThat(both.code()).isEqualTo("invalid-api-key");
        Api.Response emptyScheme = api.anonymous().get(business + "/services", "Authorization", "ApiKey ");
        assertThat(emptyScheme.status()).isEqualTo(401);
        assertThat(emptyScheme.code()).isEqualTo("invalid-api-key");
    }

    @Test
    void aKeyOfOneBusinessFindsNothingOfAnother() {
        Owner a = register("Salon A");
        Owner b = register("Salon B");
        Api.Response service = b.api().post("/api/v1/businesses/" + b.businessId() + "/services", """
                {"name":"Cut","duration":"PT30M","price":{"amount":"40.00","currency":"EUR"},"maxAdvanceDays":60}
                """);
        assertThat(service.status()).as(service.raw().body()).isEqualTo(201);
        String keyA = key(a, "\"catalog:read\",\"bookings:read\"");

        Api.Response otherBusiness = withKey(keyA, "/api/v1/businesses/" + b.businessId());
        assertThat(otherBusiness.status()).isEqualTo(404);
        assertThat(otherBusiness.code()).isEqualTo("business-not-found");
        Api.Response otherServices = withKey(keyA, "/api/v1/businesses/" + b.businessId() + "/services/" + service.text("id"));
        assertThat(otherServices.status()).isEqualTo(404);
        Api.Response throughOwnPath = withKey(keyA, "/api/v1/businesses/" + a.businessId() + "/services/" + service.text("id"));
        assertThat(throughOwnPath.status()).isEqualTo(404);
        assertThat(throughOwnPath.code()).isEqualTo("service-not-found");
        Api.Response revokeOthers = b.api().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/businesses/"
                + b.businessId() + "/api-keys/" + a.api().get("/api/v1/businesses/" + a.businessId() + "/api-keys").json().get(0)
                .path("id").asString())).DELETE());
        assertThat(revokeOthers.status()).isEqualTo(404);
        assertThat(revokeOthers.code()).isEqualTo("api-key-not-found");
        assertThat(withKey(keyA, "/api/v1/businesses/" + a.businessId() + "/services").status()).isEqualTo(200);
    }

    @Test
    void creationIsValidatedAndReservedForOwnersAndAdmins() {
        Owner salon = register("Strict Salon");
        String path = "/api/v1/businesses/" + salon.businessId() + "/api-keys";
        record Case(String body, String code) {
        }
        for (Case c : List.of(new Case("{\"name\":\"x\",\"scopes\":[]}", "invalid-scope"),
                new Case("{\"name\":\"x\"}", "invalid-scope"),
                new Case("{\"name\":\"x\",\"scopes\":[\"everything\"]}", "invalid-scope"),
                new Case("{\"name\":\" \",\"scopes\":[\"catalog:read\"]}", "validation-failed"),
                new Case("{\"name\":\"" + "n".repeat(201) + "\",\"scopes\":[\"catalog:read\"]}", "validation-failed"),
                new Case("{\"name\":\"x\",\"scopes\":[\"catalog:read\"],\"allowedIps\":[\"10.0.0.1/8\"]}", "invalid-cidr"),
                new Case("{\"name\":\"x\",\"scopes\":[\"catalog:read\"],\"allowedIps\":[\"intranet.example\"]}", "invalid-cidr"))) {
            Api.Response r = salon.api().post(path, c.body());
            assertThat(r.status()).as(c.body()).isEqualTo(422);
            assertThat(r.code()).as(c.body()).isEqualTo(c.code());
        }

        Api.Response member = salon.api().post("/api/v1/businesses/" + salon.businessId() + "/members", """
                {"email":"auditor.%s@example.com","name":"Audrey","password":"another long passphrase","roles":["auditor"]}
                """.formatted(UUID.randomUUID()));
        assertThat(member.status()).as(member.raw().body()).isEqualTo(201);
        Api.Response login = api.login(member.text("email"), "another long passphrase", salon.businessId());
        Api auditor = api.as(login.text("access_token"));
        Api.Response denied = auditor.post(path, "{\"name\":\"x\",\"scopes\":[\"catalog:read\"]}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("access-denied");
        assertThat(auditor.get(path).status()).isEqualTo(200);
        assertThat(delete(auditor, path + "/" + UUID.randomUUID()).code()).isEqualTo("access-denied");
    }

    @Test
    void aKeyThatManagesAccessCreatesKeysWithAtMostItsOwnScopes() {
        Owner salon = register("Delegating Salon");
        String manager = key(salon, "\"access:manage\",\"catalog:read\"");
        String path = "/api/v1/businesses/" + salon.businessId() + "/api-keys";
        Api.Response wider = api.anonymous().post(path, "{\"name\":\"wider\",\"scopes\":[\"catalog:write\"]}", "X-Api-Key", manager);
        assertThat(wider.status()).isEqualTo(403);
        assertThat(wider.code()).isEqualTo("access-denied");
        Api.Response narrower = api.anonymous().post(path, "{\"name\":\"reader\",\"scopes\":[\"catalog:read\"]}", "X-Api-Key", manager);
        assertThat(narrower.status()).as(narrower.raw().body()).isEqualTo(201);
        assertThat(withKey(narrower.text("key"), "/api/v1/businesses/" + salon.businessId() + "/services").status()).isEqualTo(200);
    }

    @Test
    void aRetriedCreationMakesNoSecondKeyAndTheSecretIsNeverStoredForReplay() {
        Owner salon = register("Retrying Salon");
        String body = "{\"name\":\"crm\",\"scopes\":[\"bookings:read\"]}";
        Api.Response first = createKey(salon, body, "Idempotency-Key", "create-crm-key");
        assertThat(first.status()).isEqualTo(201);
        Api.Response retry = createKey(salon, body, "Idempotency-Key", "create-crm-key");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.code()).isEqualTo("already-exists");
        assertThat(salon.api().get("/api/v1/businesses/" + salon.businessId() + "/api-keys").json().size()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Long.class,
                "create-crm-key")).isZero();
    }

    @Test
    void aKeysOwnAllowlistAppliesToIt() {
        Owner salon = register("Fenced Salon");
        String business = "/api/v1/businesses/" + salon.businessId();
        Api.Response elsewhere = createKey(salon, "{\"name\":\"office\",\"scopes\":[\"catalog:read\"],\"allowedIps\":[\"10.0.0.0/8\",\"2001:db8::/32\"]}");
        assertThat(elsewhere.status()).as(elsewhere.raw().body()).isEqualTo(201);
        assertThat(elsewhere.json().path("allowedIps").toString()).isEqualTo("[\"10.0.0.0/8\",\"2001:db8::/32\"]");
        Api.Response refused = withKey(elsewhere.text("key"), business + "/services");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ip-not-allowed");

        Api.Response here = createKey(salon, "{\"name\":\"this host\",\"scopes\":[\"catalog:read\"],\"allowedIps\":[\"127.0.0.0/8\",\"::1\"]}");
        assertThat(here.status()).isEqualTo(201);
        assertThat(withKey(here.text("key"), business + "/services").status()).isEqualTo(200);
    }

    @Test
    void creationUseAndRevocationAreAuthenticationEvents() {
        Owner salon = register("Audited Salon");
        Api.Response created = createKey(salon, "{\"name\":\"pos\",\"scopes\":[\"catalog:read\"]}");
        String key = created.text("key");
        String keyId = created.text("id");
        String business = "/api/v1/businesses/" + salon.businessId();
        for (int i = 0; i < 3; i++) {
            assertThat(withKey(key, business + "/services").status()).isEqualTo(200);
        }
        // a minute later (the clock is fixed: the key's last use is moved back instead) the next use is recorded again
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE key_id = ?", Timestamp.from(NOW.minusSeconds(61)), UUID.fromString(keyId));
        assertThat(withKey(key, business + "/services").status()).isEqualTo(200);
        assertThat(delete(salon.api(), business + "/api-keys/" + keyId).status()).isEqualTo(204);

        List<JsonNode> ofKey = authEvents(salon).stream().filter(e -> keyId.equals(e.path("apiKeyId").asString())).toList();
        assertThat(ofKey).extracting(e -> e.path("type").asString())
                .containsExactly("api-key-created", "api-key-used", "api-key-used", "api-key-revoked");
        assertThat(ofKey.get(0).path("userId").asString()).isNotEmpty();
        assertThat(ofKey.get(0).path("detail").asString()).contains(created.text("prefix")).doesNotContain(key.substring(17));
        assertThat(ofKey.get(1).path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(salon.api().get(business + "/api-keys").json().get(0).path("lastUsedAt").asString()).isEqualTo(NOW.toString());
    }
}
