package dev.kairos.edge.apikeys;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Scope;
import dev.kairos.edge.exposure.Cidr;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A business's API keys. The key is in the creation answer only; lists show its prefix. With an
 * {@code Idempotency-Key} the key's id derives from it, and a retry answers {@code already-exists} instead of a
 * second key (the answer, which holds the secret, is never stored for replay).
 */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/api-keys")
class ApiKeyController {
    static final int MAX_NAME = 200;

    private final ApiKeys keys;
    private final IdGenerator ids;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, IdGenerator ids, Clock clock) {
        this.keys = keys;
        this.ids = ids;
        this.clock = clock;
    }

    record NewKey(String name, List<String> scopes, List<String> allowedIps, Instant expiresAt) {
    }

    record KeyView(UUID id, String name, String prefix, List<String> scopes, List<String> allowedIps, Instant createdAt,
                   Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String state) {
        static KeyView of(ApiKeys.Key k, Instant now) {
            return new KeyView(k.id(), k.name(), k.prefix(), k.scopes().stream().map(Scope::value).sorted().toList(),
                    k.allowedIps().stream().map(Cidr::toString).toList(), k.createdAt(), k.expiresAt(), k.lastUsedAt(),
                    k.revokedAt(), k.state(now));
        }
    }

    /** @param key the whole key, shown this once */
    record CreatedKey(UUID id, String name, String prefix, String key, List<String> scopes, List<String> allowedIps,
                      Instant createdAt, Instant expiresAt) {
    }

    @PostMapping
    ResponseEntity<CreatedKey> create(@PathVariable UUID businessId, @RequestBody NewKey request, HttpServletRequest http) {
        BookingException.require(request.name() != null && !request.name().isBlank() && request.name().length() <= MAX_NAME,
                ErrorCode.VALIDATION_FAILED, "name is required, at most " + MAX_NAME + " characters");
        Set<Scope> scopes = scopes(request.scopes());
        List<Cidr> allowedIps = request.allowedIps() == null ? List.of() : Cidr.parseAll(request.allowedIps());
        Instant now = clock.instant();
        BookingException.require(request.expiresAt() == null || request.expiresAt().isAfter(now), ErrorCode.VALIDATION_FAILED,
                "expiresAt must be in the future");
        Caller caller = Caller.current().orElseThrow();
        if (caller.kind() == Caller.Kind.API_KEY && !caller.scopes().containsAll(scopes)) {
            throw new BookingException(ErrorCode.ACCESS_DENIED, "an API key creates keys with at most its own scopes");
        }
        UUID keyId = ids.forKey(IdempotencyFilter.scopeOf(http), http.getHeader(IdempotencyFilter.HEADER));
        ApiKeys.Created created = keys.create(keyId, new BusinessId(businessId), request.name().trim(), scopes, allowedIps,
                request.expiresAt(), caller, http.getRemoteAddr());
        ApiKeys.Key k = created.key();
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + businessId + "/api-keys/" + k.id()))
                .body(new CreatedKey(k.id(), k.name(), k.prefix(), created.secret(), k.scopes().stream().map(Scope::value).sorted().toList(),
                        k.allowedIps().stream().map(Cidr::toString).toList(), k.createdAt(), k.expiresAt()));
    }

    @GetMapping
    ResponseEntity<List<KeyView>> list(@PathVariable UUID businessId) {
        Instant now = clock.instant();
        return ResponseEntity.ok(keys.list(new BusinessId(businessId)).stream().map(k -> KeyView.of(k, now)).toList());
    }

    /** Revokes the key at once, on every node; revoking a revoked key changes nothing. */
    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable UUID businessId, @PathVariable UUID keyId, HttpServletRequest http) {
        keys.revoke(new BusinessId(businessId), keyId, Caller.current().orElseThrow(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private static Set<Scope> scopes(List<String> values) {
        BookingException.require(values != null && !values.isEmpty(), ErrorCode.INVALID_SCOPE, "at least one scope is required");
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.of(value).orElseThrow(() -> new BookingException(ErrorCode.INVALID_SCOPE, "unknown scope '" + value
                    + "'; scopes: " + String.join(", ", java.util.Arrays.stream(Scope.values()).map(Scope::value).toList()))));
        }
        return scopes;
    }
}
