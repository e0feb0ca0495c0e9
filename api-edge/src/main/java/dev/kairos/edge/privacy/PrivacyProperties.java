package dev.kairos.edge.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Crypto-shredding of personal data ({@code kairos.privacy.*}).
 *
 * @param masterKey           base64 of the 256-bit master key that wraps customer data keys (required; the embedded
 *                            default generates one next to its data)
 * @param masterKeyId         the id stored with every key this master key wraps
 * @param previousMasterKeys  earlier master keys by id (base64), still used to unwrap keys they wrapped
 * @param keyCacheTtl         how long a node keeps a customer key in memory; bounds how long another node may still
 *                            read a customer's data after the erasure commits
 * @param legacyRewriteBatch  stored rows re-encrypted per transaction by the start-up rewrite of plaintext rows
 */
@ConfigurationProperties("kairos.privacy")
public record PrivacyProperties(String masterKey, String masterKeyId, Map<String, String> previousMasterKeys,
                                Duration keyCacheTtl, Integer legacyRewriteBatch) {
    public PrivacyProperties {
        masterKeyId = masterKeyId == null || masterKeyId.isBlank() ? "k1" : masterKeyId;
        previousMasterKeys = previousMasterKeys == null ? Map.of() : Map.copyOf(previousMasterKeys);
        keyCacheTtl = keyCacheTtl == null ? Duration.ofSeconds(5) : keyCacheTtl;
        legacyRewriteBatch = legacyRewriteBatch == null ? 500 : legacyRewriteBatch;
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("kairos.privacy.key-cache-ttl must not be negative");
        }
        if (legacyRewriteBatch < 1) {
            throw new IllegalArgumentException("kairos.privacy.legacy-rewrite-batch must be positive");
        }
    }
}
