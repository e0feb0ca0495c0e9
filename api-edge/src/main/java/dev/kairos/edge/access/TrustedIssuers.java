package dev.kairos.edge.access;

import org.springframework.security.authentication.AuthenticationManager;

import java.util.Optional;

/**
 * Bearer tokens not issued by the engine itself: a business may trust its own OpenID Connect provider, whose access
 * tokens then authenticate that business's members directly. Asked with the token's {@code iss} claim (unverified);
 * the manager it answers must verify the token fully and authenticate a {@link Caller}.
 */
public interface TrustedIssuers {
    Optional<AuthenticationManager> forIssuer(String issuer);
}
