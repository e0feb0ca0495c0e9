package dev.kairos.edge.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.CallerAuthentication;
import dev.kairos.edge.access.EngineTokens;
import dev.kairos.edge.access.Role;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies the engine's own access tokens: RS256 only (so {@code alg: none} and key confusion are refused), type
 * {@code at+jwt}, a key the engine publishes, the engine's issuer and audience, within their validity (by the
 * engine's clock, with a small skew), and a session that was not revoked.
 */
@Component
public class OwnTokens implements EngineTokens {
    private final IdentityProperties properties;
    private final AuthenticationManager manager;

    OwnTokens(IdentityProperties properties, SigningKeys keys, RevokedSessions revoked, Clock clock) {
        this.properties = properties;
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TokenClaims.ACCESS_TOKEN_TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.verification()));
        // time, issuer and audience are checked below with the engine's clock, not the JVM's
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        JwtTimestampValidator time = new JwtTimestampValidator(properties.clockSkew());
        time.setClock(clock);
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> {
            UUID sid = uuid(jwt.getClaimAsString(TokenClaims.SESSION));
            boolean ok = sid != null && !revoked.isRevoked(sid);
            return ok ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the session was ended", null));
        };
        OAuth2TokenValidator<Jwt> expiryRequired = new JwtClaimValidator<Object>("exp", exp -> exp != null);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(time, expiryRequired,
                new JwtIssuerValidator(properties.issuer()), audience, notRevoked));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(OwnTokens::caller);
        this.manager = provider::authenticate;
    }

    @Override
    public String issuer() {
        return properties.issuer();
    }

    @Override
    public AuthenticationManager authenticationManager() {
        return manager;
    }

    /** A UUID claim, or {@code null} when it is absent or not a UUID. */
    private static UUID uuid(String claim) {
        try {
            return claim == null ? null : UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The caller a verified token speaks for. Claims the engine never issues are refused as an invalid token (an
     * {@link InvalidBearerTokenException}, which the resource server answers with 401), not as an error.
     */
    private static CallerAuthentication caller(Jwt jwt) {
        try {
            Collection<String> claimed = jwt.getClaimAsStringList(TokenClaims.ROLES);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : claimed == null ? List.<String>of() : claimed) {
                roles.add(Role.ofClaim(r).orElseThrow(() -> new BadJwtException("unknown role " + r)));
            }
            if (roles.isEmpty()) {
                throw new BadJwtException("the token grants no role");
            }
            String bid = jwt.getClaimAsString(TokenClaims.BUSINESS);
            if (bid == null && !roles.contains(Role.PLATFORM_ADMIN)) {
                throw new BadJwtException("the token names no business");
            }
            String staff = jwt.getClaimAsString(TokenClaims.STAFF);
            String customer = jwt.getClaimAsString(TokenClaims.CUSTOMER);
            Caller caller = Caller.user(UUID.fromString(jwt.getSubject()), bid == null ? null : new BusinessId(UUID.fromString(bid)),
                    roles, staff == null ? null : new StaffId(UUID.fromString(staff)),
                    customer == null ? null : new CustomerId(UUID.fromString(customer)),
                    UUID.fromString(jwt.getClaimAsString(TokenClaims.SESSION)));
            return new CallerAuthentication(caller, jwt.getTokenValue());
        } catch (BadJwtException e) {
            throw new InvalidBearerTokenException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("malformed claims", e);
        }
    }
}
