package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Logins under way, kept in PostgreSQL so that whichever node receives the provider's answer can finish the login.
 * Each is taken exactly once (an atomic update marks it used) and only before it expires.
 */
@Component
class LoginRequests {
    record LoginRequest(String id, BusinessId business, String nonce, String codeVerifier, String redirectUri) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SsoProperties properties;

    LoginRequests(JdbcTemplate jdbc, Clock clock, SsoProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    void start(String protocol, LoginRequest request) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM sso_login_request WHERE expires_at < ?", Timestamp.from(now.minus(properties.loginTtl())));
        jdbc.update("""
                INSERT INTO sso_login_request (id, protocol, business_id, nonce, code_verifier, redirect_uri, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", request.id(), protocol, request.business().id(), request.nonce(),
                request.codeVerifier(), request.redirectUri(), Timestamp.from(now.plus(properties.loginTtl())));
    }

    /**
     * The login {@code id} names, now used up. Unknown ids, ids of another protocol or business, expired and already
     * used ones are rejected with distinct codes.
     */
    LoginRequest take(String protocol, String id, BusinessId expectedBusiness) {
        if (id == null || id.isBlank()) {
            throw new BookingException(ErrorCode.SSO_STATE_INVALID, "the login's state is missing");
        }
        Instant now = clock.instant();
        List<LoginRequest> taken = jdbc.query("""
                UPDATE sso_login_request SET used_at = ?
                WHERE id = ? AND protocol = ? AND used_at IS NULL AND expires_at > ?
                RETURNING id, business_id, nonce, code_verifier, redirect_uri""",
                (rs, n) -> new LoginRequest(rs.getString(1), new BusinessId(rs.getObject(2, UUID.class)), rs.getString(3),
                        rs.getString(4), rs.getString(5)),
                Timestamp.from(now), id, protocol, Timestamp.from(now));
        if (taken.isEmpty()) {
            List<Boolean> used = jdbc.query("SELECT used_at IS NOT NULL FROM sso_login_request WHERE id = ? AND protocol = ?",
                    (rs, n) -> rs.getBoolean(1), id, protocol);
            if (used.isEmpty()) {
                throw new BookingException(ErrorCode.SSO_STATE_INVALID, "no login was started with this state");
            }
            if (used.get(0)) {
                throw new BookingException(ErrorCode.SSO_STATE_REUSED, "this login was already finished");
            }
            throw new BookingException(ErrorCode.SSO_STATE_EXPIRED, "this login was started too long ago; start again");
        }
        LoginRequest request = taken.get(0);
        if (expectedBusiness != null && !expectedBusiness.equals(request.business())) {
            throw new BookingException(ErrorCode.SSO_STATE_INVALID, "this login was started for another business");
        }
        return request;
    }
}
