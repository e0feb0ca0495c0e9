package dev.kairos.edge.apikeys;

import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Scope;
import dev.kairos.edge.exposure.Cidr;
import dev.kairos.edge.identity.AuthEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys of businesses. A key reads {@code kairos_<prefix>_<secret>}: the prefix (8 characters) names the key
 * and is kept in the clear; the secret (32 random bytes, base64url) is kept only as its SHA-256 hash, which is
 * enough for a secret of that entropy, and compared in constant time. Every request looks its key up by prefix in
 * PostgreSQL, so a revocation counts at once on every node. The last-used time is written at most once per
 * {@link #TOUCH_EVERY} and key, each time with an {@code api-key-used} authentication event.
 */
@Component
class ApiKeys {
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final int PREFIX_LENGTH = 8;
    static final int SECRET_BYTES = 32;
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile("kairos_([a-z0-9]{" + PREFIX_LENGTH + "})_([A-Za-z0-9_-]{43})");
    private static final String COLUMNS = "key_id, business_id, prefix, name, scopes, allowed_ips, created_at, expires_at, "
            + "last_used_at, revoked_at";

    /** A key as listed: never its secret or hash. */
    record Key(UUID id, UUID businessId, String prefix, String name, Set<Scope> scopes, List<Cidr> allowedIps, Instant createdAt,
               Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        String state(Instant now) {
            return revokedAt != null ? "revoked" : expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
        }
    }

    record Created(Key key, String secret) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuthEvents events;
    private final SecureRandom random;
    private final Clock clock;

    ApiKeys(JdbcTemplate jdbc, TransactionTemplate transactions, AuthEvents events, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.random = random;
        this.clock = clock;
    }

    /** A new key; {@code keyId} already in use (a retried request) is {@code already-exists}. */
    Created create(UUID keyId, BusinessId business, String name, Set<Scope> scopes, List<Cidr> allowedIps, Instant expiresAt,
                   Caller creator, String ip) {
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            String prefix = prefix();
            byte[] secret = new byte[SECRET_BYTES];
            random.nextBytes(secret);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                transactions.executeWithoutResult(status -> {
                    BookingException.require(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE key_id = ?", Long.class, keyId) == 0,
                            ErrorCode.ALREADY_EXISTS, "an API key was created for this Idempotency-Key already; its secret was shown "
                                    + "once and is not shown again: revoke it and create another");
                    jdbc.update("INSERT INTO api_key (prefix, key_id, business_id, name, secret_hash, scopes, allowed_ips, created_at, "
                                    + "created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            prefix, keyId, business.id(), name, hash(encoded), scopesText(scopes), Cidr.toStored(allowedIps),
                            Timestamp.from(now), creator.kind() == Caller.Kind.USER ? creator.subject() : null,
                            expiresAt == null ? null : Timestamp.from(expiresAt));
                    events.record(business, userOf(creator), keyId, AuthenticationEventType.API_KEY_CREATED,
                            "'" + name + "' (" + prefix + ") scopes " + scopesText(scopes) + byKey(creator), ip);
                });
                return new Created(new Key(keyId, business.id(), prefix, name, Set.copyOf(scopes), allowedIps, now, expiresAt, null, null),
                        "kairos_" + prefix + "_" + encoded);
            } catch (DuplicateKeyException e) {
                if (attempt >= 3) {
                    throw e;
                }
                // another key drew the same prefix (36^8 of them): draw again
            }
        }
    }

    List<Key> list(BusinessId business) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key WHERE business_id = ? ORDER BY created_at, key_id", ApiKeys::key,
                business.id());
    }

    /** Revokes a key of {@code business}; a key revoked before stays so, unknown keys (or another's) are not found. */
    void revoke(BusinessId business, UUID keyId, Caller revoker, String ip) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            List<String> prefixes = jdbc.queryForList("SELECT prefix FROM api_key WHERE key_id = ? AND business_id = ? FOR UPDATE",
                    String.class, keyId, business.id());
            if (prefixes.isEmpty()) {
                throw new BookingException(ErrorCode.API_KEY_NOT_FOUND, "API key not found: " + keyId);
            }
            if (jdbc.update("UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL", Timestamp.from(now), keyId) == 1) {
                events.record(business, userOf(revoker), keyId, AuthenticationEventType.API_KEY_REVOKED,
                        prefixes.get(0) + byKey(revoker), ip);
            }
        });
    }

    /**
     * The caller a presented key stands for; {@code invalid-api-key} when it is malformed, unknown, revoked or expired,
     * {@code ip-not-allowed} when the key's own allowlist does not include {@code ip}.
     */
    Caller authenticate(String presented, String ip) {
        Matcher m = FORMAT.matcher(presented);
        if (!m.matches()) {
            throw new BookingException(ErrorCode.INVALID_API_KEY, "not an API key: expected kairos_<prefix>_<secret>");
        }
        record Stored(Key key, byte[] hash) {
        }
        List<Stored> found = jdbc.query("SELECT " + COLUMNS + ", secret_hash FROM api_key WHERE prefix = ?",
                (rs, i) -> new Stored(key(rs, i), rs.getBytes("secret_hash")), m.group(1));
        byte[] presentedHash = hash(m.group(2));
        if (found.isEmpty() || !MessageDigest.isEqual(found.get(0).hash(), presentedHash)) {
            throw new BookingException(ErrorCode.INVALID_API_KEY, "the API key is unknown");
        }
        Key key = found.get(0).key();
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            throw new BookingException(ErrorCode.INVALID_API_KEY, "the API key was revoked");
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            throw new BookingException(ErrorCode.INVALID_API_KEY, "the API key expired");
        }
        if (!Cidr.allows(key.allowedIps(), ip)) {
            throw new BookingException(ErrorCode.IP_NOT_ALLOWED, "this API key is not accepted from " + ip);
        }
        touch(key, now, ip);
        return Caller.apiKey(key.id(), new BusinessId(key.businessId()), key.scopes());
    }

    /** At most once a minute per key, and only on the node that wins the conditional update. */
    private void touch(Key key, Instant now, String ip) {
        Instant due = now.minus(TOUCH_EVERY);
        if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(due)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE api_key SET last_used_at = ? WHERE prefix = ? AND (last_used_at IS NULL OR last_used_at <= ?)",
                    Timestamp.from(now), key.prefix(), Timestamp.from(due)) == 1) {
                events.record(new BusinessId(key.businessId()), null, key.id(), AuthenticationEventType.API_KEY_USED, key.prefix(), ip);
            }
        });
    }

    private String prefix() {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.toString();
    }

    private static Key key(ResultSet rs, int row) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(rs.getString("scopes").trim().split("\\s+")).filter(s -> !s.isEmpty())
                .forEach(s -> Scope.of(s).ifPresent(scopes::add));
        return new Key(rs.getObject("key_id", UUID.class), rs.getObject("business_id", UUID.class), rs.getString("prefix"),
                rs.getString("name"), scopes, Cidr.fromStored(rs.getString("allowed_ips")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String scopesText(Set<Scope> scopes) {
        return String.join(" ", scopes.stream().map(Scope::value).sorted().toList());
    }

    private static UUID userOf(Caller caller) {
        return caller.kind() == Caller.Kind.USER ? caller.subject() : null;
    }

    private static String byKey(Caller caller) {
        return caller.kind() == Caller.Kind.API_KEY ? ", by API key " + caller.subject() : "";
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
