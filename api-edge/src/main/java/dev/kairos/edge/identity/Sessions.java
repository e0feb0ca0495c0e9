package dev.kairos.edge.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.IdGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Login sessions. Opening one issues a short-lived access token (a JWT the engine signs, RFC 9068 profile) and an
 * opaque refresh token. A refresh token is exchanged once, for a new pair; presenting one that was already exchanged
 * means it was stolen or replayed, so the whole session is revoked. Logging out revokes the session too, and
 * {@link RevokedSessions} makes its access tokens stop working on every node.
 */
@Component
public class Sessions {
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, UUID businessId,
                         List<String> roles) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final SigningKeys keys;
    private final RevokedSessions revoked;
    private final AuthEvents events;
    private final IdentityProperties properties;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    Sessions(JdbcTemplate jdbc, TransactionTemplate transactions, Accounts accounts, SigningKeys keys, RevokedSessions revoked,
             AuthEvents events, IdentityProperties properties, IdGenerator ids, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.keys = keys;
        this.revoked = revoked;
        this.events = events;
        this.properties = properties;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /**
     * A new session for the user acting for {@code business} (all their roles there), or for the platform when
     * {@code business} is {@code null} and the user is a platform admin.
     */
    public Tokens open(UUID userId, BusinessId business, String method, String ip) {
        UUID session = ids.next();
        Instant now = clock.instant();
        return transactions.execute(status -> {
            jdbc.update("INSERT INTO login_session (session_id, user_id, business_id, method, created_at) VALUES (?, ?, ?, ?, ?)",
                    session, userId, business == null ? null : business.id(), method, Timestamp.from(now));
            return issue(session, userId, business, now);
        });
    }

    /** Exchanges a refresh token for a new pair of the same session. */
    public Tokens refresh(String refreshToken, String ip) {
        byte[] hash = hash(refreshToken);
        Instant now = clock.instant();
        record Presented(UUID session, UUID user, UUID business, Instant expires, Instant used, Instant revoked) {
        }
        Tokens tokens = transactions.execute(status -> {
            List<Presented> found = jdbc.query("SELECT t.session_id, s.user_id, s.business_id, t.expires_at, t.used_at, s.revoked_at "
                            + "FROM refresh_token t JOIN login_session s ON s.session_id = t.session_id WHERE t.token_hash = ? FOR UPDATE OF t, s",
                    (rs, i) -> new Presented(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))), hash);
            if (found.isEmpty()) {
                return null;
            }
            Presented p = found.get(0);
            if (p.revoked() != null || !p.expires().isAfter(now)) {
                return null;
            }
            if (p.used() != null) {
                revoke(p.session(), "refresh-token-reused", now);
                events.record(p.business() == null ? null : new BusinessId(p.business()), p.user(),
                        AuthenticationEventType.REFRESH_TOKEN_REUSED, "session " + p.session() + " revoked", ip);
                return new Tokens(null, null, 0, null, null, null);
            }
            jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(now), hash);
            return issue(p.session(), p.user(), p.business() == null ? null : new BusinessId(p.business()), now);
        });
        if (tokens == null) {
            throw new BookingException(ErrorCode.INVALID_REFRESH_TOKEN, "the refresh token is unknown, expired or revoked");
        }
        if (tokens.accessToken() == null) {
            throw new BookingException(ErrorCode.REFRESH_TOKEN_REUSED,
                    "this refresh token was used before; the session it belongs to is revoked, sign in again");
        }
        return tokens;
    }

    /** Ends the session of {@code refreshToken}; answers the user whose session it was, if any. */
    public UUID logout(String refreshToken) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<UUID[]> found = jdbc.query("SELECT s.session_id, s.user_id FROM refresh_token t JOIN login_session s "
                            + "ON s.session_id = t.session_id WHERE t.token_hash = ? AND s.revoked_at IS NULL",
                    (rs, i) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, hash(refreshToken));
            if (found.isEmpty()) {
                return null;
            }
            revoke(found.get(0)[0], "logout", now);
            return found.get(0)[1];
        });
    }

    /** Ends one session by id (an access token's {@code sid}) if it belongs to {@code userId}. */
    public boolean logoutSession(UUID session, UUID userId) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Integer n = jdbc.queryForObject("SELECT count(*) FROM login_session WHERE session_id = ? AND user_id = ? AND revoked_at IS NULL",
                    Integer.class, session, userId);
            if (n == null || n == 0) {
                return false;
            }
            revoke(session, "logout", now);
            return true;
        }));
    }

    /** Ends every session of a user in a business, for example when their roles there change. */
    void revokeAll(UUID userId, BusinessId business, String why) {
        Instant now = clock.instant();
        jdbc.queryForList("SELECT session_id FROM login_session WHERE user_id = ? AND business_id = ? AND revoked_at IS NULL",
                UUID.class, userId, business.id()).forEach(session -> revoke(session, why, now));
    }

    private void revoke(UUID session, String why, Instant now) {
        jdbc.update("UPDATE login_session SET revoked_at = ?, revoked_why = ? WHERE session_id = ? AND revoked_at IS NULL",
                Timestamp.from(now), why, session);
        jdbc.update("INSERT INTO session_revocation (session_id, revoked_at) VALUES (?, ?)", session, Timestamp.from(now));
        revoked.add(session);
    }

    private Tokens issue(UUID session, UUID userId, BusinessId business, Instant now) {
        Accounts.Account account = accounts.byId(userId)
                .orElseThrow(() -> new BookingException(ErrorCode.INVALID_CREDENTIALS, "the account no longer exists"));
        List<Accounts.Membership> memberships = business == null ? List.of() : accounts.membershipsIn(userId, business);
        List<String> roles = business == null
                ? (account.platformAdmin() ? List.of(Role.PLATFORM_ADMIN.claim()) : List.of())
                : memberships.stream().map(m -> m.role().claim()).toList();
        if (roles.isEmpty()) {
            throw new BookingException(ErrorCode.INVALID_CREDENTIALS, "the account has no role here");
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(ids.next().toString())
                .claim(TokenClaims.SESSION, session.toString())
                .claim(TokenClaims.ROLES, roles)
                .claim("client_id", "kairos");
        if (business != null) {
            claims.claim(TokenClaims.BUSINESS, business.id().toString());
            memberships.stream().map(Accounts.Membership::staff).filter(Objects::nonNull).findFirst()
                    .ifPresent(staff -> claims.claim(TokenClaims.STAFF, staff.id().toString()));
            memberships.stream().map(Accounts.Membership::customer).filter(Objects::nonNull).findFirst()
                    .ifPresent(customer -> claims.claim(TokenClaims.CUSTOMER, customer.id().toString()));
        }
        String access = sign(claims.build());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                hash(refresh), session, Timestamp.from(now), Timestamp.from(now.plus(properties.refreshTokenTtl())));
        return new Tokens(access, "Bearer", properties.accessTokenTtl().toSeconds(), refresh,
                business == null ? null : business.id(), roles);
    }

    /** Signs claims with the key that signs now, as an {@code at+jwt}. */
    String sign(JWTClaimsSet claims) {
        RSAKey key = keys.signing();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType(TokenClaims.ACCESS_TOKEN_TYPE)).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNullElse(token, "").getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
