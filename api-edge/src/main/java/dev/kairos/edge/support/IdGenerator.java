package dev.kairos.edge.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Creates the ids of new aggregates and appointments at the edge, so a retried command lands on the same one. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();

    /**
     * The id for a request that carries an {@code Idempotency-Key}: derived from it, so even a retry that runs
     * the command again targets the same appointment and cannot book twice.
     */
    default UUID forKey(String scope, String idempotencyKey) {
        if (idempotencyKey == null) {
            return next();
        }
        return UUID.nameUUIDFromBytes((scope + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }
}
