package dev.kairos.edge.access;

import org.springframework.security.authentication.AuthenticationManager;

/** The engine's own access tokens: their issuer, and how they are verified into a {@link Caller}. */
public interface EngineTokens {
    String issuer();

    AuthenticationManager authenticationManager();
}
