package dev.kairos.edge.sso;

import dev.kairos.edge.EngineTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * A real OpenID Connect provider run in-process (mock-oauth2-server) on 127.0.0.1: any issuer path is an issuer of
 * its own, its login page is interactive, and it signs with the engine's clock ({@link EngineTest#NOW}).
 */
public final class MockProvider {
    private MockProvider() {
    }

    /** Starts a provider on a free port; the caller shuts it down. */
    public static MockOAuth2Server start() {
        MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(true, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(), EngineTest.NOW), Set.of(), new MockWebServerWrapper()));
        try {
            provider.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return provider;
    }
}
