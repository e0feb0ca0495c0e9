package dev.kairos.edge.sso;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kairos.edge.identity.Sessions;

import java.util.List;
import java.util.UUID;

/** The engine's tokens after a single sign-on, in the same shape as a password login's answer. */
record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                   @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken,
                   UUID businessId, UUID userId, List<String> roles) {
    static TokenAnswer of(Sessions.Tokens t, UUID userId) {
        return new TokenAnswer(t.accessToken(), t.tokenType(), t.expiresIn(), t.refreshToken(), t.businessId(), userId, t.roles());
    }
}
