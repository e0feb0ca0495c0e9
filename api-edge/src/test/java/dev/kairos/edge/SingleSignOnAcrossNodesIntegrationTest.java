package dev.kairos.edge;

import dev.kairos.edge.sso.Browser;
import dev.kairos.infra.LocalPostgres;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single sign-on started on one node is finished on another: the login's state, nonce and PKCE verifier live in
 * PostgreSQL, not in a node's memory, and are used once across all nodes.
 */
class SingleSignOnAcrossNodesIntegrationTest {
    private static MockOAuth2Server provider;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server(new OAuth2Config(true, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(), EngineTest.NOW), Set.of(), new MockWebServerWrapper()));
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        String url = LocalPostgres.freshDatabase();
        nodeA = EngineNodes.start(url, "1s", "--kairos.sso.allow-loopback=true");
        nodeB = EngineNodes.start(url, "1s", "--kairos.sso.allow-loopback=true");
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
        provider.shutdown();
    }

    @Test
    void aLoginStartedOnOneNodeIsFinishedOnTheOtherOnce() {
        Api a = new Api(EngineNodes.port(nodeA));
        Api b = new Api(EngineNodes.port(nodeB));
        Scenario salon = Scenario.business(a, "Salon", "Europe/Berlin");
        assertThat(a.put("/api/v1/businesses/" + salon.businessId + "/sso/oidc", """
                {"issuer":"%s","clientId":"kairos-salon","clientSecret":"salon-secret","defaultRole":"staff"}"""
                .formatted(provider.issuerUrl("salon"))).status()).isEqualTo(200);

        Browser browser = new Browser();
        String baseA = "http://127.0.0.1:" + EngineNodes.port(nodeA);
        HttpResponse<String> started = browser.get(baseA + "/api/v1/auth/sso/" + salon.businessId + "/oidc");
        String authorize = Browser.location(started);
        assertThat(browser.get(authorize).statusCode()).isEqualTo(200);
        String callback = Browser.location(browser.postForm(authorize, Map.of("username", "mia",
                "claims", "{\"email\":\"mia@salon.test\",\"name\":\"Mia Sommer\"}")));
        String query = callback.substring(baseA.length());

        Api.Response onB = b.anonymous().get(query);
        assertThat(onB.status()).as(onB.raw().body()).isEqualTo(200);
        assertThat(b.as(onB.text("access_token")).get("/api/v1/businesses/" + salon.businessId + "/services").status())
                .isEqualTo(200);
        Api.Response againOnA = a.anonymous().get(query);
        assertThat(againOnA.status()).isEqualTo(401);
        assertThat(againOnA.code()).isEqualTo("sso-state-reused");
    }
}
