package dev.kairos.edge.manage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Signed manage-booking links ({@code kairos.manage-links.*}).
 *
 * @param secret          the signing key (its UTF-8 bytes, at least 32); when absent the engine generates one once
 *                        and keeps it in the database, so links survive restarts and work on every node
 * @param previousSecrets keys that signed links in the past and still verify them (rotation: move the old
 *                        {@code secret} here, set a new one, drop the old one once its links have expired)
 * @param validAfterEnd   how long a link works after its appointment ends
 * @param maxValidity     the longest a link works from when it was issued
 */
@ConfigurationProperties("kairos.manage-links")
public record ManageLinkProperties(String secret, List<String> previousSecrets, Duration validAfterEnd, Duration maxValidity) {
    public static final int MIN_SECRET_BYTES = 32;

    public ManageLinkProperties {
        previousSecrets = previousSecrets == null ? List.of() : List.copyOf(previousSecrets);
        validAfterEnd = validAfterEnd == null ? Duration.ofDays(1) : validAfterEnd;
        maxValidity = maxValidity == null ? Duration.ofDays(400) : maxValidity;
        if (secret != null && secret.isBlank()) {
            secret = null;
        }
        requireLongEnough(secret, "kairos.manage-links.secret");
        for (int i = 0; i < previousSecrets.size(); i++) {
            requireLongEnough(previousSecrets.get(i), "kairos.manage-links.previous-secrets[" + i + "]");
        }
        if (validAfterEnd.isNegative() || maxValidity.isNegative() || maxValidity.isZero()) {
            throw new IllegalArgumentException("kairos.manage-links: valid-after-end must not be negative, max-validity must be positive");
        }
    }

    private static void requireLongEnough(String secret, String name) {
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(name + " must have at least " + MIN_SECRET_BYTES + " bytes");
        }
    }
}
