package dev.kairos.edge.sso;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The engine's own public URLs that identity providers send people back to. */
final class EngineUrls {
    private EngineUrls() {
    }

    static String base(SsoProperties properties) {
        return properties.publicUrl() != null ? properties.publicUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    static String oidcCallback(SsoProperties properties) {
        return base(properties) + "/api/v1/auth/sso/oidc/callback";
    }

    static String samlEntityId(SsoProperties properties, java.util.UUID business) {
        return base(properties) + "/api/v1/auth/sso/" + business + "/saml/metadata";
    }

    static String samlAcs(SsoProperties properties, java.util.UUID business) {
        return base(properties) + "/api/v1/auth/sso/" + business + "/saml/acs";
    }
}
