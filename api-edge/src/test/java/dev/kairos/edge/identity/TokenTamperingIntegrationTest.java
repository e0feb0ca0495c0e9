package dev.kairos.edge.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens that are forged, tampered with, out of their time, for someone else, or signed by a withdrawn key are
 * all answered 401 {@code invalid-token} with an RFC 9457 body and a {@code WWW-Authenticate} challenge, never 500.
 * Each refusal has a control: the same token made correctly is accepted, so the refusal is the check's doing.
 */
class TokenTamperingIntegrationTest extends EngineTest {
    private static final String ME = "/api/v1/auth/me";
    private static final Duration SKEW = Duration.ofSeconds(30);

    /** A business owner's fresh access token. */
    private String ownerToken() {
        String email = "owner-" + UUID.randomUUID() + "@tamper.test";
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"Tamper Salon","timeZone":"Europe/Paris","currency":"EUR"},
                 "owner":{"name":"Olga","email":"%s","password":"a long and varied secret"}}""".formatted(email));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("access_token");
    }

    /** The claims of {@code token} changed by {@code change}, signed again with the engine's own key and kid. */
    private String reSigned(String token, UnaryOperator<JWTClaimsSet.Builder> change) {
        return reSigned(token, "at+jwt", change);
    }

    private String reSigned(String token, String typ, UnaryOperator<JWTClaimsSet.Builder> change) {
        String kid = Jwts.kid(token);
        return Jwts.rs256(Jwts.engineKey(jdbc, kid), kid, typ, change.apply(new JWTClaimsSet.Builder(Jwts.claims(token))).build());
    }

    private void accepted(String token) {
        Api.Response r = api.as(token).get(ME);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    }

    private void refused(String token) {
        refusedWithHeader("Bearer " + token);
    }

    private void refusedWithHeader(String authorization) {
        for (String path : List.of(ME, "/api/v1/businesses/" + UUID.randomUUID() + "/services")) {
            Api.Response r = api.anonymous().get(path, "Authorization", authorization);
            assertThat(r.status()).as(authorization + " → " + r.raw().body()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("invalid-token");
            assertThat(r.json().path("status").asInt()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer").contains("invalid_token"));
        }
    }

    @Test
    void theEnginesOwnTokenAndAnExactReSigningOfItAreAccepted() {
        String token = ownerToken();
        accepted(token);
        accepted(reSigned(token, b -> b));
    }

    @Test
    void aChangedPayloadUnderTheOriginalSignatureIsRefused() {
        String token = ownerToken();
        String[] parts = token.split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(Jwts.claims(token)).claim(TokenClaims.ROLES, List.of("platform-admin"))
                .claim(TokenClaims.BUSINESS, UUID.randomUUID().toString()).build();
        String payload = Base64URL.encode(changed.toString().getBytes(StandardCharsets.UTF_8)).toString();
        refused(parts[0] + "." + payload + "." + parts[2]);
        // one bit of the signature flipped
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 1;
        refused(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
    }

    @Test
    void aTokenSignedWithAForeignKeyUnderTheEnginesKidIsRefused() {
        String token = ownerToken();
        refused(Jwts.rs256(foreignKey(), Jwts.kid(token), "at+jwt", Jwts.claims(token)));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = ownerToken();
        JWTClaimsSet claims = Jwts.claims(token);
        refused(new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), claims).serialize());
        // the engine's header with alg changed to none and the signature dropped
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"%s\"}".formatted(Jwts.kid(token))
                .getBytes(StandardCharsets.UTF_8)).toString();
        String[] parts = token.split("\\.");
        refused(none + "." + parts[1] + ".");
        refused(none + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        String token = ownerToken();
        String kid = Jwts.kid(token);
        byte[] publicKey = jdbc.queryForObject("SELECT public_key FROM signing_key WHERE kid = ?", byte[].class, kid);
        String jwks = api.anonymous().get("/oauth2/jwks").raw().body();
        for (byte[] secret : List.of(publicKey, jwks.getBytes(StandardCharsets.UTF_8))) {
            SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(),
                    Jwts.claims(token));
            hs.sign(new MACSigner(secret));
            refused(hs.serialize());
        }
    }

    @Test
    void tokensOutsideTheirTimeAreRefusedBeyondTheSkew() {
        String token = ownerToken();
        // expired: by more than the skew refused, within it still accepted
        refused(reSigned(token, b -> b.issueTime(date(NOW.minus(Duration.ofMinutes(20)))).notBeforeTime(date(NOW.minus(Duration.ofMinutes(20))))
                .expirationTime(date(NOW.minus(SKEW).minusSeconds(1)))));
        accepted(reSigned(token, b -> b.issueTime(date(NOW.minus(Duration.ofMinutes(20)))).notBeforeTime(date(NOW.minus(Duration.ofMinutes(20))))
                .expirationTime(date(NOW.minus(SKEW).plusSeconds(5)))));
        // not yet valid
        refused(reSigned(token, b -> b.notBeforeTime(date(NOW.plus(SKEW).plusSeconds(1)))));
        accepted(reSigned(token, b -> b.notBeforeTime(date(NOW.plus(SKEW).minusSeconds(5)))));
        // no expiry at all
        refused(reSigned(token, b -> b.expirationTime(null)));
    }

    @Test
    void tokensForAnotherIssuerOrAudienceOrOfAnotherTypeAreRefused() {
        String token = ownerToken();
        refused(reSigned(token, b -> b.issuer("https://evil.example")));
        refused(reSigned(token, b -> b.issuer(null)));
        refused(reSigned(token, b -> b.audience("another-api")));
        refused(reSigned(token, b -> b.audience((String) null)));
        refused(reSigned(token, "JWT", b -> b));
        refused(reSigned(token, null, b -> b));
        refused(reSigned(token, "id_token+jwt", b -> b));
    }

    @Test
    void aTokenNamingAnUnknownKidIsRefused() {
        String token = ownerToken();
        PrivateKey key = Jwts.engineKey(jdbc, Jwts.kid(token));
        refused(Jwts.rs256(key, "not-a-key-of-the-engine", "at+jwt", Jwts.claims(token)));
        // without a kid, only a key the engine publishes verifies it
        accepted(Jwts.rs256(key, null, "at+jwt", Jwts.claims(token)));
        refused(Jwts.rs256(foreignKey(), null, "at+jwt", Jwts.claims(token)));
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return rsa.generateKeyPair().getPrivate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokensOfARevokedSigningKeyAreRefusedAndNewOnesUseAnotherKey() {
        String token = ownerToken();
        String kid = Jwts.kid(token);
        accepted(token);
        Api.Response revoked = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/platform/signing-keys/" + kid)).DELETE());
        assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(204);
        refused(token);
        assertThat(kids(api.anonymous().get("/oauth2/jwks"))).doesNotContain(kid);
        String fresh = ownerToken();
        assertThat(Jwts.kid(fresh)).isNotEqualTo(kid);
        accepted(fresh);
        // revoking it again: the key is no longer published
        Api.Response again = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/platform/signing-keys/" + kid)).DELETE());
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void claimsTheEngineNeverIssuesAreRefused() {
        String token = ownerToken();
        refused(reSigned(token, b -> b.claim(TokenClaims.ROLES, List.of("superuser"))));
        refused(reSigned(token, b -> b.claim(TokenClaims.ROLES, List.of())));
        refused(reSigned(token, b -> b.claim(TokenClaims.ROLES, "owner; drop table")));
        refused(reSigned(token, b -> b.claim(TokenClaims.BUSINESS, "not-a-uuid")));
        refused(reSigned(token, b -> b.claim(TokenClaims.BUSINESS, null)));
        refused(reSigned(token, b -> b.subject("not-a-uuid")));
        refused(reSigned(token, b -> b.subject(null)));
        refused(reSigned(token, b -> b.claim(TokenClaims.SESSION, "not-a-uuid")));
        refused(reSigned(token, b -> b.claim(TokenClaims.SESSION, null)));
        refused(reSigned(token, b -> b.claim(TokenClaims.STAFF, "not-a-uuid")));
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        String token = ownerToken();
        String[] parts = token.split("\\.");
        for (String header : List.of("Bearer", "Bearer ", "Bearer !!!", "Bearer abc", "Bearer abc.def", "Bearer abc.def.ghi",
                "Bearer a.b.c.d.e", "Bearer " + parts[0] + "." + parts[1], "Bearer " + parts[0] + ".." + parts[2],
                "Bearer " + token + "x", "Bearer " + token + " " + token, "Bearer " + "A".repeat(4_000),
                "Bearer e30.e30.e30", "Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "Basic dXNlcjpwYXNz", "Token " + token, "bearer")) {
            refusedWithHeader(header);
        }
    }

    @Test
    void noTokenAtAllIsAskedForOne() {
        Api.Response r = api.anonymous().get(ME);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("authentication-required");
        assertThat(r.header("WWW-Authenticate")).hasValue("Bearer");
    }

    static List<String> kids(Api.Response jwks) {
        List<String> kids = new java.util.ArrayList<>();
        jwks.json().path("keys").forEach(k -> kids.add(k.path("kid").asString()));
        return kids;
    }

    private static Date date(java.time.Instant instant) {
        return Date.from(instant);
    }
}
