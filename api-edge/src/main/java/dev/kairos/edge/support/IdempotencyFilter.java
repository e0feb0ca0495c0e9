package dev.kairos.edge.support;

import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.CallerFilter;

import dev.kairos.booking.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer (anything but a server
 * error) is stored; a retry with the same key and body gets that answer again, marked {@code Idempotent-Replayed};
 * the same key with another body is rejected, and so is a retry while the first is still running. A request
 * left unfinished by a crash can be taken over after {@value #TAKE_OVER_SECONDS} seconds; the ids derived from
 * the key then make the command land on what the first attempt may already have created.
 */
@Component
@Order(100)
public class IdempotencyFilter implements CallerFilter {
    public static final String HEADER = "Idempotency-Key";
    static final int TAKE_OVER_SECONDS = 60;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern BUSINESS_PATH = Pattern.compile("^/api/v1/businesses/([0-9a-fA-F-]{36})(/.*)?$");
    private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Content-Type", ConsistencyTokens.HEADER);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotencyFilter(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The scope keys are unique in: the business a request acts for (a platform admin's from the path or the
     * {@value Tenancy#HEADER} header, anyone else's from their token or key) and the caller, so an answer is only
     * ever replayed to whoever got it first.
     */
    public static String scopeOf(HttpServletRequest request) {
        Caller caller = Caller.current().orElse(null);
        String tenant = caller != null && !caller.isPlatformAdmin() && caller.business() != null
                ? caller.business().id().toString() : request.getHeader(Tenancy.HEADER);
        Matcher m = BUSINESS_PATH.matcher(request.getRequestURI());
        if (m.matches() && (caller == null || caller.isPlatformAdmin())) {
            tenant = m.group(1);
        }
        return (tenant == null ? "platform" : tenant.trim().toLowerCase()) + (caller == null ? "" : "|" + caller.limitKey());
    }

    /**
     * Answers that hold a secret (a new API key, a webhook's signing secret) are never stored; those endpoints derive
     * what they make from the key instead.
     */
    private static final Pattern SECRET_ANSWERS = Pattern.compile(
            "^/api/v1/businesses/[^/]+/(api-keys|webhooks|webhooks/[^/]+/rotate-secret)/?$");

    private static boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || request.getRequestURI().startsWith("/api/v1/auth/") || SECRET_ANSWERS.matcher(request.getRequestURI()).matches();
    }

    @Override
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (shouldNotFilter(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            Problems.write(response, json, ErrorCode.INVALID_VALUE, HEADER + " must be 1 to 255 visible ASCII characters");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException e) {
            Problems.write(response, json, ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
            return;
        }
        String scope = scopeOf(request);
        String hash = hash(request.getRequestURI(), body);
        Instant now = clock.instant();
        if (!claim(scope, key, hash, now)) {
            replayOrReject(scope, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBody(request, body), recorded);
            if (recorded.getStatus() < 500) {
                store(scope, key, recorded);
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.update("DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ?", scope, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private boolean claim(String scope, String key, String hash, Instant now) {
        int inserted = jdbc.update("INSERT INTO idempotency_record (scope, idempotency_key, request_hash, created_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", scope, key, hash, Timestamp.from(now));
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("UPDATE idempotency_record SET created_at = ? WHERE scope = ? AND idempotency_key = ? "
                        + "AND request_hash = ? AND status IS NULL AND created_at < ?", Timestamp.from(now), scope, key, hash,
                Timestamp.from(now.minusSeconds(TAKE_OVER_SECONDS))) == 1;
    }

    private void store(String scope, String key, ContentCachingResponseWrapper recorded) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = recorded.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        jdbc.update("UPDATE idempotency_record SET status = ?, headers = ?, body = ? WHERE scope = ? AND idempotency_key = ?",
                recorded.getStatus(), json.writeValueAsString(headers), recorded.getContentAsByteArray(), scope, key);
    }

    private void replayOrReject(String scope, String key, String hash, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT request_hash, status, headers, body FROM idempotency_record WHERE scope = ? AND idempotency_key = ?", scope, key);
        if (rows.isEmpty()) {
            Problems.write(response, json, ErrorCode.IDEMPOTENCY_IN_PROGRESS, "the first request with this key just failed; retry");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            Problems.write(response, json, ErrorCode.IDEMPOTENCY_KEY_REUSED, "this " + HEADER + " was used for a different request");
            return;
        }
        if (row.get("status") == null) {
            Problems.write(response, json, ErrorCode.IDEMPOTENCY_IN_PROGRESS, "a request with this " + HEADER + " is still running");
            return;
        }
        response.setStatus((Integer) row.get("status"));
        Map<String, String> headers = json.readValue((String) row.get("headers"), new TypeReference<Map<String, String>>() {
        });
        headers.forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = (byte[]) row.get("body");
        if (body != null) {
            response.getOutputStream().write(body);
        }
    }

    /** Stored answers are kept for a day. */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(clock.instant().minus(age)));
    }

    private static String hash(String uri, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(uri.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }
            };
        }
    }
}
