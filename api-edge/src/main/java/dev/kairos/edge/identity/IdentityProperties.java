package dev.kairos.edge.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The engine as its own token issuer.
 *
 * @param issuer          the {@code iss} of every token and the base of the discovery document
 * @param audience        the {@code aud} of every access token
 * @param accessTokenTtl  how long an access token is accepted
 * @param refreshTokenTtl how long a refresh token may be exchanged, and a login session last without use
 * @param clockSkew       tolerance for the clocks of other verifiers
 * @param keyRotation     how often a new signing key takes over
 * @param publishAhead    how long a new key is published before it signs, so that verifiers caching the JWKS know it
 * @param bootstrapAdmin  a platform admin created at start when none with that email exists (both fields or neither)
 */
@ConfigurationProperties("kairos.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8080") String issuer,
                                 @DefaultValue("kairos-api") String audience,
                                 @DefaultValue("PT15M") Duration accessTokenTtl,
                                 @DefaultValue("P30D") Duration refreshTokenTtl,
                                 @DefaultValue("PT30S") Duration clockSkew,
                                 @DefaultValue("P30D") Duration keyRotation,
                                 @DefaultValue("PT1H") Duration publishAhead,
                                 @DefaultValue BootstrapAdmin bootstrapAdmin) {
    public record BootstrapAdmin(String email, String password) {
        boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
