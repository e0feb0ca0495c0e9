package dev.kairos.edge;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kairos.edge.identity.Jwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Signing keys change without anyone noticing: a new key is published before it signs, tokens of the old key keep
 * working until it is withdrawn, other nodes on the same database accept the new key's tokens at once, and a verifier
 * that knows only the discovery document verifies the engine's tokens. The engine runs on a known port here so that
 * its issuer (and so the discovery document's JWKS address) is where it really answers.
 */
class KeyRotationIntegrationTest extends EngineTest {
    private static final int PORT = freePort();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static final String PASSWORD = "a long and varied secret";

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void knownPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("kairos.identity.issuer", () -> ISSUER);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String email;

    /** A business owner's fresh access token from {@code node}. */
    private String ownerToken(Api node) {
        if (email == null) {
            email = "owner-" + UUID.randomUUID() + "@keys.test";
            Api.Response r = node.anonymous().post("/api/v1/auth/register", """
                    {"business":{"name":"Key Salon","timeZone":"Europe/Paris","currency":"EUR"},
                     "owner":{"name":"Olga","email":"%s","password":"%s"}}""".formatted(email, PASSWORD));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
            return r.text("access_token");
        }
        Api.Response r = node.login(email, PASSWORD, null);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.text("access_token");
    }

    private static int me(Api node, String token) {
        return node.as(token).get("/api/v1/auth/me").status();
    }

    private String rotate(Api node, String publishAhead) {
        Api.Response r = node.post("/api/v1/platform/signing-keys/rotate?publishAhead=" + publishAhead, null);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.text("kid");
    }

    private static void revoke(Api node, int port, String kid) {
        Api.Response r = node.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/platform/signing-keys/" + kid)).DELETE());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(204);
    }

    private static List<String> published(Api node) {
        Api.Response jwks = node.anonymous().get("/oauth2/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        List<String> kids = new ArrayList<>();
        jwks.json().path("keys").forEach(k -> {
            assertThat(k.path("kty").asString()).isEqualTo("RSA");
            assertThat(k.path("alg").asString()).isEqualTo("RS256");
            assertThat(k.has("d")).as("private part published").isFalse();
            kids.add(k.path("kid").asString());
        });
        return kids;
    }

    @Test
    void theEngineAnswersOnItsIssuer() {
        assertThat(port).isEqualTo(PORT);
        Api.Response discovery = api.anonymous().get("/.well-known/openid-configuration");
        assertThat(discovery.text("issuer")).isEqualTo(ISSUER);
        assertThat(discovery.text("jwks_uri")).isEqualTo(ISSUER + "/oauth2/jwks");
    }

    @Test
    void aKeyRotatedInAtOnceSignsNewTokensWhileTheOldKeysTokensWorkUntilItIsRevoked() {
        String before = ownerToken(api);
        String oldKid = Jwts.kid(before);
        assertThat(published(api)).contains(oldKid);

        String newKid = rotate(api, "PT0S");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(published(api)).contains(oldKid, newKid);
        String after = ownerToken(api);
        assertThat(Jwts.kid(after)).isEqualTo(newKid);
        assertThat(me(api, before)).isEqualTo(200);
        assertThat(me(api, after)).isEqualTo(200);

        revoke(api, port, oldKid);
        assertThat(published(api)).doesNotContain(oldKid).contains(newKid);
        assertThat(me(api, before)).isEqualTo(401);
        assertThat(me(api, after)).isEqualTo(200);
    }

    @Test
    void aKeyRotatedInLaterIsPublishedBeforeItSigns() {
        String before = ownerToken(api);
        String current = Jwts.kid(before);
        String next = rotate(api, "PT1H");
        // published now, so verifiers that cache the key set know it before its first token
        assertThat(published(api)).contains(current, next);
        // the current key goes on signing until the new one's time comes
        String meanwhile = ownerToken(api);
        assertThat(Jwts.kid(meanwhile)).isEqualTo(current);
        assertThat(me(api, before)).isEqualTo(200);
        // a token the next key signs (as the engine will in an hour) is verified already
        String signedByNext = Jwts.rs256(Jwts.engineKey(jdbc, next), next, "at+jwt", Jwts.claims(meanwhile));
        assertThat(me(api, signedByNext)).isEqualTo(200);
        // the next key's time is recorded an hour ahead; the current one retires then and stays published for its tokens
        assertThat(jdbc.queryForObject("SELECT a.activates_at = b.retires_at FROM signing_key a JOIN signing_key b ON b.kid = ? "
                + "WHERE a.kid = ?", Boolean.class, current, next)).isTrue();

        // a key rotated in at once meanwhile takes over from both: the current one stops now, the next one never signs
        String now = rotate(api, "PT0S");
        String afterwards = ownerToken(api);
        assertThat(Jwts.kid(afterwards)).isEqualTo(now);
        assertThat(me(api, afterwards)).isEqualTo(200);
        assertThat(me(api, meanwhile)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key WHERE kid IN (?, ?) AND retires_at > ?", Long.class,
                current, next, java.sql.Timestamp.from(NOW))).isZero();
    }

    @Test
    void rotationIsForThePlatformAndItsPeriodIsChecked() {
        String owner = ownerToken(api);
        Api.Response denied = api.as(owner).post("/api/v1/platform/signing-keys/rotate?publishAhead=PT0S", null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("access-denied");
        for (String bad : List.of("-PT1S", "P8D")) {
            Api.Response r = api.post("/api/v1/platform/signing-keys/rotate?publishAhead=" + bad, null);
            assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("invalid-duration");
        }
        Api.Response garbage = api.post("/api/v1/platform/signing-keys/rotate?publishAhead=soon", null);
        assertThat(garbage.status()).as(garbage.raw().body()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
        Api.Response unknown = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/platform/signing-keys/nope")).DELETE());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.as(owner).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/platform/signing-keys/"
                + Jwts.kid(owner))).DELETE()).status()).isEqualTo(403);
    }

    @Test
    void aSecondNodeVerifiesTokensOfAKeyRotatedInOnTheFirstAtOnce() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        ConfigurableApplicationContext second = EngineNodes.start(url, "1s", "--kairos.identity.issuer=" + ISSUER);
        try {
            Api other = new Api(EngineNodes.port(second));
            String before = ownerToken(api);
            // the second node knows the current key, and has just looked at the key table for a kid nobody knows
            assertThat(me(other, before)).isEqualTo(200);
            String unknownKid = Jwts.rs256(Jwts.engineKey(jdbc, Jwts.kid(before)), "no-such-kid", "at+jwt", Jwts.claims(before));
            assertThat(me(other, unknownKid)).isEqualTo(401);
            String kid = rotate(api, "PT0S");
            // the new key's first token reaches the second node before anything else does
            assertThat(me(other, Jwts.rs256(Jwts.engineKey(jdbc, kid), kid, "at+jwt", Jwts.claims(before)))).isEqualTo(200);
            String after = ownerToken(api);
            assertThat(Jwts.kid(after)).isEqualTo(kid);
            assertThat(me(other, after)).isEqualTo(200);
            assertThat(me(other, before)).isEqualTo(200);
            // and the other way round
            String fromSecond = ownerToken(other);
            assertThat(me(api, fromSecond)).isEqualTo(200);

            // a logout on the first node ends the session on the second one too
            Api.Response session = api.login(email, PASSWORD, null);
            assertThat(me(other, session.text("access_token"))).isEqualTo(200);
            assertThat(api.as(session.text("access_token")).post("/api/v1/auth/logout", null).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).until(() -> me(other, session.text("access_token")) == 401);

            // a key revoked on the first node is withdrawn on the second one too
            String old = Jwts.kid(before);
            revoke(api, port, old);
            await().atMost(Duration.ofSeconds(10)).until(() -> me(other, before) == 401);
            assertThat(me(other, after)).isEqualTo(200);
        } finally {
            second.close();
        }
    }

    @Test
    void aVerifierThatKnowsOnlyTheDiscoveryDocumentVerifiesTheEnginesTokens() {
        Api.Response discovery = api.anonymous().get("/.well-known/openid-configuration");
        String issuer = discovery.text("issuer");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(discovery.text("jwks_uri"))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(p -> p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<SecurityContext>(new JOSEObjectType("at+jwt"))))
                .build();
        JwtTimestampValidator time = new JwtTimestampValidator(Duration.ofSeconds(30));
        time.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer), time,
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("kairos-api"))));

        String token = ownerToken(api);
        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("owner");
        assertThat(jwt.getClaimAsString("bid")).isNotBlank();

        // after a rotation the same verifier (its key set cached) verifies the new key's tokens
        String kid = rotate(api, "PT0S");
        String rotated = ownerToken(api);
        assertThat(Jwts.kid(rotated)).isEqualTo(kid);
        assertThat(decoder.decode(rotated).getSubject()).isEqualTo(jwt.getSubject());

        String[] parts = rotated.split("\\.");
        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA"))
                .isInstanceOf(BadJwtException.class);
    }
}
