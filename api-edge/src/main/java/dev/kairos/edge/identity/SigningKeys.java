package dev.kairos.edge.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The engine's token signing keys (RS256), kept in {@code signing_key} so that every node signs and verifies with the
 * same ones. Rotation never interrupts anyone: a new key is published before it starts signing, and an old one stays
 * published until every token it signed has expired. A revoked key is withdrawn at once.
 * <p>
 * Each node keeps the keys for a few seconds; a token naming a key it does not know makes it look again (at most once
 * a second), so a key created on another node is accepted as soon as it signs.
 */
@Component
public class SigningKeys {
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final long RELOAD_AT_MOST_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    /** A stored key; {@code retires} and {@code expires} are open when {@code null}. */
    record StoredKey(RSAKey jwk, Instant activates, Instant retires, Instant expires) {
        boolean signsAt(Instant t) {
            return !activates.isAfter(t) && (retires == null || retires.isAfter(t)) && publishedAt(t);
        }

        boolean publishedAt(Instant t) {
            return expires == null || expires.isAfter(t);
        }
    }

    private record Loaded(List<StoredKey> keys, long atNanos) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecureRandom random;
    private final Clock clock;
    private final IdentityProperties properties;
    private volatile Loaded loaded = new Loaded(List.of(), Long.MIN_VALUE);

    SigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions, SecureRandom random, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
    }

    /** The key that signs now; the first one is made on first use. */
    RSAKey signing() {
        Instant now = clock.instant();
        return current(false).stream().filter(k -> k.signsAt(now)).max(Comparator.comparing(StoredKey::activates))
                .or(() -> reload().stream().filter(k -> k.signsAt(now)).max(Comparator.comparing(StoredKey::activates)))
                .map(StoredKey::jwk)
                .orElseGet(() -> {
                    transactions.executeWithoutResult(status -> {
                        lock();
                        boolean none = jdbc.queryForObject("SELECT count(*) FROM signing_key WHERE activates_at <= ? "
                                        + "AND (retires_at IS NULL OR retires_at > ?) AND (expires_at IS NULL OR expires_at > ?)",
                                Long.class, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)) == 0;
                        if (none) {
                            insert(now);
                        }
                    });
                    return reload().stream().filter(k -> k.signsAt(now)).max(Comparator.comparing(StoredKey::activates))
                            .orElseThrow().jwk();
                });
    }

    /** Public keys that verifiers should know now: those that sign, will sign soon, or signed tokens still valid. */
    public JWKSet published() {
        Instant now = clock.instant();
        return new JWKSet(current(false).stream().filter(k -> k.publishedAt(now))
                .sorted(Comparator.comparing(StoredKey::activates).reversed())
                .map(k -> (JWK) k.jwk().toPublicJWK()).toList());
    }

    /** Where this engine's own tokens find the key that verifies them. */
    JWKSource<SecurityContext> verification() {
        return (JWKSelector selector, SecurityContext context) -> {
            List<JWK> found = selector.select(published());
            if (found.isEmpty() && System.nanoTime() - loaded.atNanos() > RELOAD_AT_MOST_EVERY_NANOS) {
                reload();
                found = selector.select(published());
            }
            return found;
        };
    }

    /**
     * A new key that starts signing after {@code publishAhead}; the key signing now stops then, and stays published
     * until the tokens it signed have expired. Answers the new key's id.
     */
    public String rotate(Duration publishAhead) {
        Instant now = clock.instant();
        Instant activates = now.plus(publishAhead.isNegative() ? Duration.ZERO : publishAhead)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String kid = transactions.execute(status -> {
            lock();
            jdbc.update("UPDATE signing_key SET retires_at = ?, expires_at = ? WHERE retires_at IS NULL "
                            + "AND (expires_at IS NULL OR expires_at > ?)", Timestamp.from(activates),
                    Timestamp.from(activates.plus(properties.accessTokenTtl()).plus(properties.clockSkew())), Timestamp.from(now));
            return insert(activates);
        });
        reload();
        return kid;
    }

    /** Withdraws a key now: tokens it signed are refused from now on. If it was signing, a new key takes over at once. */
    public void revoke(String kid) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int changed = transactions.execute(status -> {
            lock();
            return jdbc.update("UPDATE signing_key SET retires_at = LEAST(COALESCE(retires_at, ?), ?), expires_at = ? "
                    + "WHERE kid = ? AND (expires_at IS NULL OR expires_at > ?)", Timestamp.from(now), Timestamp.from(now),
                    Timestamp.from(now), kid, Timestamp.from(now));
        });
        if (changed == 0) {
            throw new BookingException(ErrorCode.SIGNING_KEY_NOT_FOUND, "no published signing key " + kid);
        }
        reload();
    }

    /** Whether the newest key is older than the rotation period; then the scheduled rotation makes the next one. */
    boolean rotationDue() {
        Timestamp newest = jdbc.queryForObject("SELECT max(activates_at) FROM signing_key", Timestamp.class);
        return newest != null && !newest.toInstant().plus(properties.keyRotation()).isAfter(clock.instant());
    }

    /** Forgets keys that expired more than a day ago. */
    int purgeExpired() {
        return jdbc.update("DELETE FROM signing_key WHERE expires_at < ?", Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }

    private List<StoredKey> current(boolean force) {
        Loaded l = loaded;
        if (force || System.nanoTime() - l.atNanos() > CACHE_FOR.toNanos() || l.atNanos() == Long.MIN_VALUE) {
            return reload();
        }
        return l.keys();
    }

    private synchronized List<StoredKey> reload() {
        List<StoredKey> keys = jdbc.query("SELECT kid, private_key, public_key, activates_at, retires_at, expires_at FROM signing_key",
                (rs, i) -> new StoredKey(jwk(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key")),
                        rs.getTimestamp("activates_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("retires_at")).map(Timestamp::toInstant).orElse(null),
                        Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant).orElse(null)));
        loaded = new Loaded(keys, System.nanoTime());
        return keys;
    }

    /** One key change at a time across nodes. */
    private void lock() {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext('kairos-signing-keys'))", rs -> {
        });
    }

    private String insert(Instant at) {
        // stored to the millisecond, never later than asked: a key made "now" signs now
        Instant activates = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] id = new byte[12];
            random.nextBytes(id);
            String kid = HexFormat.of().formatHex(id);
            jdbc.update("INSERT INTO signing_key (kid, algorithm, private_key, public_key, created_at, activates_at) VALUES (?, 'RS256', ?, ?, ?, ?)",
                    kid, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), Timestamp.from(clock.instant()),
                    Timestamp.from(activates));
            return kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    private static RSAKey jwk(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + kid + " cannot be read", e);
        }
    }
}
