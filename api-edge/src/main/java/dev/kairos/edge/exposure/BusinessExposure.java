package dev.kairos.edge.exposure;

import dev.kairos.booking.common.BusinessId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a business exposes to whom: the addresses its callers may come from and the browser origins its widgets run
 * on. Both are read on every request that needs them, so each node keeps them for {@link ExposureProperties#cacheTtl()}
 * (a change made on this node counts at once).
 */
@Component
@EnableConfigurationProperties(ExposureProperties.class)
class BusinessExposure {
    /** Above this many remembered origins (they come from request headers) the origin cache starts afresh. */
    private static final int MAX_CACHED_ORIGINS = 10_000;

    private record Cached<T>(T value, long loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long ttlNanos;
    private final Map<UUID, Cached<List<Cidr>>> allowlists = new ConcurrentHashMap<>();
    private final Map<UUID, Cached<Set<String>>> origins = new ConcurrentHashMap<>();
    private final Map<String, Cached<Boolean>> registered = new ConcurrentHashMap<>();

    BusinessExposure(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, ExposureProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.ttlNanos = properties.cacheTtl().toNanos();
    }

    List<Cidr> allowlist(BusinessId business) {
        return cached(allowlists, business.id(), id -> jdbc.query("SELECT cidrs FROM business_ip_allowlist WHERE business_id = ?",
                (rs, i) -> Cidr.fromStored(rs.getString(1)), id).stream().findFirst().orElse(List.of()));
    }

    void replaceAllowlist(BusinessId business, List<Cidr> cidrs) {
        jdbc.update("INSERT INTO business_ip_allowlist (business_id, cidrs, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (business_id) DO UPDATE SET cidrs = excluded.cidrs, updated_at = excluded.updated_at",
                business.id(), Cidr.toStored(cidrs), Timestamp.from(clock.instant()));
        allowlists.remove(business.id());
    }

    Set<String> origins(BusinessId business) {
        return cached(origins, business.id(), id -> Set.copyOf(jdbc.queryForList(
                "SELECT origin FROM business_cors_origin WHERE business_id = ?", String.class, id)));
    }

    /** For routes that name no business: whether any business registered {@code origin} (canonical form). */
    boolean registeredByAny(String origin) {
        if (registered.size() > MAX_CACHED_ORIGINS) {
            registered.clear();
        }
        return cached(registered, origin, o -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM business_cors_origin WHERE origin = ?)", Boolean.class, o)));
    }

    void replaceOrigins(BusinessId business, List<String> canonical) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM business_cors_origin WHERE business_id = ?", business.id());
            canonical.forEach(o -> jdbc.update("INSERT INTO business_cors_origin (business_id, origin) VALUES (?, ?)", business.id(), o));
        });
        origins.remove(business.id());
        registered.clear();
    }

    private <K, T> T cached(Map<K, Cached<T>> cache, K key, Function<K, T> load) {
        long now = System.nanoTime();
        Cached<T> hit = cache.get(key);
        if (hit != null && now - hit.loadedAt() < ttlNanos) {
            return hit.value();
        }
        T value = load.apply(key);
        cache.put(key, new Cached<>(value, now));
        return value;
    }
}
