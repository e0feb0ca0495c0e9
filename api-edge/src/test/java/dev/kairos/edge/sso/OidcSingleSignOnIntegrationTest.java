package dev.kairos.edge.sso;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect single sign-on against a real provider run in-process (mock-oauth2-server, its interactive login
 * page): the authorization code flow with PKCE through a browser, the engine's tokens, and the provider's own access
 * tokens accepted by the engine as a resource server. The provider's clock is the engine's ({@link EngineTest#NOW}).
 */
@LoopbackProviders
class OidcSingleSignOnIntegrationTest extends EngineTest {
    private static MockOAuth2Server provider;
    private static long startMillis;

    private Scenario salon;
    private String issuer;
    private final Browser browser = new Browser();

    @BeforeAll
    static void startProvider() {
        long started = System.nanoTime();
        provider = MockProvider.start();
        startMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("mock-oauth2-server started in " + startMillis + " ms");
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void salonTrustsItsProvider() {
        salon = Scenario.business(api, "Salon", "Europe/Berlin");
        issuer = provider.issuerUrl("salon").toString();
        Api.Response configured = api.put(settings(salon.businessId), """
                {"issuer":"%s","clientId":"%s","clientSecret":"salon-secret",
                 "allowedEmailDomains":["Salon.test"],"defaultRole":"staff"}""".formatted(issuer, client()));
        assertThat(configured.status()).as(configured.raw().body()).isEqualTo(200);
    }

    /** Every test's salon registered a client of its own at the provider. */
    private String client() {
        return "kairos-" + salon.businessId;
    }

    private static String settings(UUID business) {
        return "/api/v1/businesses/" + business + "/sso/oidc";
    }

    /** Starts a login at the engine and signs in on the provider's login page; answers the engine's callback URL. */
    private String signInAtProvider(UUID business, String user, String claimsJson, java.util.function.UnaryOperator<String> tamper) {
        HttpResponse<String> start = browser.get(base() + "/api/v1/auth/sso/" + business + "/oidc");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = tamper.apply(Browser.location(start));
        assertThat(authorize).startsWith(provider.authorizationEndpointUrl("salon") + "?");
        assertThat(authorize).contains("code_challenge_method=S256").contains("response_type=code").contains("nonce=");
        HttpResponse<String> page = browser.get(authorize);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"");
        HttpResponse<String> signedIn = browser.postForm(authorize, Map.of("username", user, "claims", claimsJson));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String callback = Browser.location(signedIn);
        assertThat(callback).startsWith(base() + "/api/v1/auth/sso/oidc/callback?");
        return callback;
    }

    private String signInAtProvider(UUID business, String user, String claimsJson) {
        return signInAtProvider(business, user, claimsJson, u -> u);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Api.Response callback(String url) {
        return api.anonymous().get(url.substring(base().length()));
    }

    private static String mia() {
        return "{\"email\":\"Mia@salon.test\",\"email_verified\":true,\"name\":\"Mia Sommer\"}";
    }

    @Test
    void aPersonSignsInThroughTheBusinessProviderAndActsWithEngineTokens() {
        String callback = signInAtProvider(salon.businessId, "mia", mia());
        Api.Response tokens = callback(callback);

        assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
        assertThat(tokens.text("access_token")).isNotBlank();
        assertThat(tokens.text("refresh_token")).isNotBlank();
        assertThat(tokens.text("businessId")).isEqualTo(salon.tenant());
        assertThat(tokens.json().path("roles").toString()).contains("staff");
        Api.Response me = api.as(tokens.text("access_token")).get("/api/v1/auth/me");
        assertThat(me.status()).as(me.raw().body()).isEqualTo(200);
        assertThat(me.raw().body()).contains("mia@salon.test");
        Api.Response services = api.as(tokens.text("access_token")).get("/api/v1/businesses/" + salon.businessId + "/services");
        assertThat(services.status()).isEqualTo(200);
        // the configuration is the owner's: a staff member may not read it
        assertThat(api.as(tokens.text("access_token")).get(settings(salon.businessId)).status()).isEqualTo(403);

        // signing in again finds the same account and membership
        Api.Response again = callback(signInAtProvider(salon.businessId, "mia", mia()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("userId")).isEqualTo(tokens.text("userId"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM membership WHERE user_id = ?::uuid AND business_id = ?",
                Long.class, tokens.text("userId"), salon.businessId)).isEqualTo(1);
        Api.Response events = api.get("/api/v1/businesses/" + salon.businessId + "/auth-events");
        assertThat(events.raw().body()).contains("sso-login-succeeded");
    }

    @Test
    void theClientSecretIsWriteOnlyAndTheRoleNeverOwner() {
        Api.Response read = api.get(settings(salon.businessId));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().body()).doesNotContain("salon-secret");
        assertThat(read.json().path("clientSecretSet").asBoolean()).isTrue();
        assertThat(read.text("tokenEndpoint")).startsWith(issuer.replace("/salon", ""));
        assertThat(read.json().path("allowedEmailDomains").toString()).isEqualTo("[\"salon.test\"]");

        for (String role : new String[]{"owner", "platform-admin", "integrator", "wizard"}) {
            Api.Response refused = api.put(settings(salon.businessId), """
                    {"issuer":"%s","clientId":"c","clientSecret":"s","defaultRole":"%s"}""".formatted(issuer, role));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("sso-role-not-allowed");
        }
        Api.Response noSecret = api.put(settings(salon.businessId), """
                {"issuer":"%s","clientId":"c","defaultRole":"staff"}""".formatted(issuer));
        assertThat(noSecret.code()).isEqualTo("validation-failed");
    }

    @Test
    void providersOnPrivateNetworksOrThatNameAnotherIssuerAreRefused() {
        Api.Response privateNetwork = api.put(settings(salon.businessId), """
                {"issuer":"http://10.1.2.3/realm","clientId":"c","clientSecret":"s","defaultRole":"staff"}""");
        assertThat(privateNetwork.status()).isEqualTo(422);
        assertThat(privateNetwork.code()).isEqualTo("sso-url-refused");
        Api.Response notHttp = api.put(settings(salon.businessId), """
                {"issuer":"file:///etc/passwd","clientId":"c","clientSecret":"s","defaultRole":"staff"}""");
        assertThat(notHttp.code()).isEqualTo("sso-url-refused");
        // the discovery document of ".../salon" names ".../salon", not ".../salon/"
        Api.Response otherIssuer = api.put(settings(salon.businessId), """
                {"issuer":"%s/","clientId":"c","clientSecret":"s","defaultRole":"staff"}""".formatted(issuer));
        assertThat(otherIssuer.code()).isEqualTo("sso-discovery-failed");
        Api.Response missing = api.put(settings(salon.businessId), """
                {"issuer":"%s","clientId":"c","clientSecret":"s","defaultRole":"staff"}""".formatted(base() + "/nothing-here"));
        assertThat(missing.code()).isEqualTo("sso-discovery-failed");
    }

    @Test
    void anUnknownStateIsRefused() {
        Api.Response r = api.anonymous().get("/api/v1/auth/sso/oidc/callback?code=abc&state=made-up");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-state-invalid");
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(api.anonymous().get("/api/v1/auth/sso/oidc/callback?code=abc").code()).isEqualTo("sso-state-invalid");
    }

    @Test
    void aStateIsUsedOnce() {
        String callback = signInAtProvider(salon.businessId, "mia", mia());
        assertThat(callback(callback).status()).isEqualTo(200);
        Api.Response replay = callback(callback);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("sso-state-reused");
    }

    @Test
    void aStateExpires() {
        String callback = signInAtProvider(salon.businessId, "mia", mia());
        jdbc.update("UPDATE sso_login_request SET expires_at = ?::timestamptz", NOW.minusSeconds(1).toString());
        Api.Response late = callback(callback);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.code()).isEqualTo("sso-state-expired");
    }

    @Test
    void anIdTokenForAnotherNonceIsRefused() {
        String callback = signInAtProvider(salon.businessId, "mia", mia(),
                url -> url.replaceAll("nonce=[^&]+", "nonce=forged-by-someone"));
        Api.Response r = callback(callback);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-token-invalid");
        assertThat(r.text("detail")).contains("nonce");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE lower(email) = 'mia@salon.test'", Long.class)).isZero();
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() {
        String callback = signInAtProvider(salon.businessId, "mia",
                "{\"email\":\"mia@salon.test\",\"iss\":\"https://issuer.example/other\"}");
        Api.Response r = callback(callback);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-token-invalid");
        assertThat(r.text("detail")).contains("iss");
    }

    @Test
    void theProvidersErrorIsAProblem() {
        HttpResponse<String> start = browser.get(base() + "/api/v1/auth/sso/" + salon.businessId + "/oidc");
        String state = Browser.find(Browser.location(start), "[?&]state=([^&]+)");
        Api.Response r = api.anonymous().get("/api/v1/auth/sso/oidc/callback?error=access_denied&state=" + state);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-provider-error");
    }

    @Test
    void emailsOutsideTheAllowedDomainsOrUnverifiedAreRefused() {
        Api.Response outside = callback(signInAtProvider(salon.businessId, "eve", "{\"email\":\"eve@elsewhere.test\"}"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.code()).isEqualTo("sso-domain-not-allowed");
        Api.Response unverified = callback(signInAtProvider(salon.businessId, "ben",
                "{\"email\":\"ben@salon.test\",\"email_verified\":false}"));
        assertThat(unverified.code()).isEqualTo("sso-email-unverified");
        Api.Response none = callback(signInAtProvider(salon.businessId, "nobody", "{}"));
        assertThat(none.code()).isEqualTo("sso-token-invalid");
    }

    @Test
    void aPlatformAdminNeverSignsInThroughABusinessProvider() {
        Api.Response r = callback(signInAtProvider(salon.businessId, "admin",
                "{\"email\":\"" + ADMIN_EMAIL + "\"}"));
        assertThat(r.status()).isIn(401, 403);
        assertThat(r.code()).isIn("sso-domain-not-allowed");
    }

    @Test
    void loginsOfBusinessesWithoutAProviderAreNotFound() {
        Scenario studio = Scenario.business(api, "Studio", "Europe/Berlin");
        Api.Response r = api.anonymous().get("/api/v1/auth/sso/" + studio.businessId + "/oidc");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("sso-not-configured");
        assertThat(api.delete(settings(salon.businessId)).status()).isEqualTo(204);
        assertThat(api.get(settings(salon.businessId)).code()).isEqualTo("sso-not-configured");
    }

    @Test
    void theProvidersAccessTokensAuthenticateMembersOfThatBusinessOnly() {
        assertThat(callback(signInAtProvider(salon.businessId, "mia", mia())).status()).isEqualTo(200);
        String services = "/api/v1/businesses/" + salon.businessId + "/services";

        String member = provider.issueToken("salon", "mia", client(), Map.of("email", "mia@salon.test")).serialize();
        Api.Response accepted = api.as(member).get(services);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);

        String stranger = provider.issueToken("salon", "zoe", client(), Map.of("email", "zoe@salon.test")).serialize();
        assertThat(api.as(stranger).get(services).status()).isEqualTo(401);

        String otherAudience = provider.issueToken("salon", "mia", "another-client", Map.of("email", "mia@salon.test")).serialize();
        assertThat(api.as(otherAudience).get(services).status()).isEqualTo(401);

        String untrusted = provider.issueToken("nobody-trusts-this", "mia", client(), Map.of("email", "mia@salon.test")).serialize();
        assertThat(api.as(untrusted).get(services).status()).isEqualTo(401);

        // another business trusting another issuer: mia is not its member, and her salon token is not for it
        Scenario studio = Scenario.business(api, "Studio", "Europe/Berlin");
        assertThat(api.put(settings(studio.businessId), """
                {"issuer":"%s","clientId":"kairos-studio","clientSecret":"studio-secret","defaultRole":"analyst"}"""
                .formatted(provider.issuerUrl("studio"))).status()).isEqualTo(200);
        Api.Response squatting = api.put(settings(studio.businessId), """
                {"issuer":"%s","clientId":"%s","clientSecret":"s","defaultRole":"analyst"}""".formatted(issuer, client()));
        assertThat(squatting.status()).isEqualTo(409);
        assertThat(squatting.code()).isEqualTo("sso-client-in-use");
        String studioToken = provider.issueToken("studio", "mia", "kairos-studio", Map.of("email", "mia@salon.test")).serialize();
        assertThat(api.as(studioToken).get("/api/v1/businesses/" + studio.businessId + "/services").status()).isEqualTo(401);
        assertThat(api.as(member).get("/api/v1/businesses/" + studio.businessId + "/services").status()).isIn(403, 404);
    }
}
