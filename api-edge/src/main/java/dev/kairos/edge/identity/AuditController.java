package dev.kairos.edge.identity;

import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Authentication events for auditors, and the platform's signing keys. */
@RestController
class AuditController {
    static final int MAX_PAGE = 500;
    private final AccessLog log;
    private final SigningKeys keys;
    private final AuthEvents events;
    private final IdentityProperties properties;

    AuditController(AccessLog log, SigningKeys keys, AuthEvents events, IdentityProperties properties) {
        this.log = log;
        this.keys = keys;
        this.events = events;
        this.properties = properties;
    }

    record Page(List<AccessLog.Entry> items, long next) {
    }

    /** The business's authentication events after position {@code after}, oldest first. */
    @GetMapping("/api/v1/businesses/{businessId}/auth-events")
    ResponseEntity<Page> businessEvents(@PathVariable UUID businessId, @RequestParam(defaultValue = "0") long after,
                                        @RequestParam(defaultValue = "100") int limit) {
        return ResponseEntity.ok(page(businessId, after, limit));
    }

    /** Events that concern no business: failed logins for unknown emails, signing keys. */
    @GetMapping("/api/v1/platform/auth-events")
    ResponseEntity<Page> platformEvents(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return ResponseEntity.ok(page(null, after, limit));
    }

    /** A new signing key that signs after {@code publishAhead} (default: the configured period). */
    @PostMapping("/api/v1/platform/signing-keys/rotate")
    ResponseEntity<Map<String, String>> rotate(@RequestParam(required = false) Duration publishAhead, HttpServletRequest http) {
        Duration ahead = publishAhead == null ? properties.publishAhead() : publishAhead;
        BookingException.require(!ahead.isNegative() && ahead.compareTo(Duration.ofDays(7)) <= 0, ErrorCode.INVALID_DURATION,
                "publishAhead is between PT0S and P7D");
        String kid = keys.rotate(ahead);
        events.record(null, Caller.current().map(Caller::subject).orElse(null), AuthenticationEventType.SIGNING_KEY_ROTATED,
                "new key " + kid, AuthController.ip(http));
        return ResponseEntity.ok(Map.of("kid", kid));
    }

    /** Withdraws a signing key at once: every token it signed is refused from now on. */
    @DeleteMapping("/api/v1/platform/signing-keys/{kid}")
    ResponseEntity<Void> revoke(@PathVariable String kid, HttpServletRequest http) {
        keys.revoke(kid);
        events.record(null, Caller.current().map(Caller::subject).orElse(null), AuthenticationEventType.SIGNING_KEY_REVOKED,
                "key " + kid, AuthController.ip(http));
        return ResponseEntity.noContent().build();
    }

    private Page page(UUID businessId, long after, int limit) {
        BookingException.require(limit >= 1 && limit <= MAX_PAGE, ErrorCode.INVALID_VALUE, "limit must be between 1 and " + MAX_PAGE);
        BookingException.require(after >= 0, ErrorCode.INVALID_VALUE, "after is a position, 0 or more");
        List<AccessLog.Entry> items = log.after(businessId, after, limit);
        return new Page(items, items.isEmpty() ? after : items.get(items.size() - 1).position());
    }
}
