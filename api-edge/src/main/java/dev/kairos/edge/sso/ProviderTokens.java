package dev.kairos.edge.sso;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies tokens a business's OpenID Connect provider signed: the signature against the provider's published keys
 * (JWKS, fetched and cached by Spring Security's {@link NimbusJwtDecoder}), the issuer, the audience (the
 * business's client id) and expiry and not-before against the engine's clock. One decoder per provider
 * configuration, replaced when the configuration changes.
 */
@Component
class ProviderTokens {
    private final ProviderHttp http;
    private final Clock clock;
    private final SsoProperties properties;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    ProviderTokens(ProviderHttp http, Clock clock, SsoProperties properties) {
        this.http = http;
        this.clock = clock;
        this.properties = properties;
    }

    JwtDecoder decoder(OidcProvider provider) {
        String key = provider.business().id() + "|" + provider.updatedAt() + "|" + provider.jwksUri();
        return decoders.computeIfAbsent(key, k -> {
            decoders.keySet().removeIf(existing -> existing.startsWith(provider.business().id() + "|"));
            return build(provider);
        });
    }

    private JwtDecoder build(OidcProvider provider) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(provider.jwksUri())
                .restOperations(http.keySetClient())
                .jwsAlgorithms(algorithms -> algorithms.addAll(EnumSet.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
                        SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
                        SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512)))
                .build();
        JwtTimestampValidator time = new JwtTimestampValidator(properties.clockSkew());
        time.setClock(clock);
        JwtClaimValidator<Object> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> aud instanceof Collection<?> values ? values.contains(provider.clientId()) : provider.clientId().equals(aud));
        JwtClaimValidator<Object> expiry = new JwtClaimValidator<>(JwtClaimNames.EXP, exp -> exp != null);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(time, expiry,
                new JwtIssuerValidator(provider.issuer()), audience));
        return decoder;
    }
}
