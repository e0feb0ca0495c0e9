package dev.kairos.edge.sso;

/** Draws the unguessable values of a login under way; tests may replace it. */
@FunctionalInterface
interface LoginSecrets {
    /** A fresh secret of URL-safe characters (also a valid PKCE code verifier). */
    String next();
}
