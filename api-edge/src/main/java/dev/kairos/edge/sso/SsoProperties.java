package dev.kairos.edge.sso;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Single sign-on settings ({@code kairos.sso.*}).
 *
 * @param allowLoopback whether identity providers may live on loopback addresses (tests, local set-ups); private
 *                      and link-local networks are refused regardless
 * @param timeout       how long a request to an identity provider (discovery, token, keys) may take
 * @param maxBytes      the largest document taken from an identity provider
 * @param loginTtl      how long a started login may be finished
 * @param clockSkew     how far an identity provider's clock may be from the engine's
 * @param publicUrl     the engine's public base URL for redirect and SAML endpoints (when absent: the request's own)
 */
@ConfigurationProperties("kairos.sso")
record SsoProperties(boolean allowLoopback, Duration timeout, int maxBytes, Duration loginTtl, Duration clockSkew,
                     String publicUrl) {
    SsoProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxBytes = maxBytes <= 0 ? 262_144 : maxBytes;
        loginTtl = loginTtl == null ? Duration.ofMinutes(10) : loginTtl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    }
}
