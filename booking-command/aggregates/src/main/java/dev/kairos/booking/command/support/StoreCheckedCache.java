package dev.kairos.booking.command.support;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The calendar cache, checked against the event store on every load: a cached calendar older than its stream
 * (another node appended since) is dropped and the repository loads it afresh. Without the check a stale copy
 * would not only lose write races (which the unique index catches) but also reject on outdated state: a hold placed
 * through another node "has ended", a cancelled appointment still blocks its slot, an expiry finds no hold to end.
 * The check costs one index lookup per load; the cache still saves replaying the stream.
 */
final class StoreCheckedCache implements Cache {
    private static final Field VERSION = versionField();
    private final Cache delegate;
    private final JdbcTemplate jdbc;

    StoreCheckedCache(Cache delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && isBehindStore(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean isBehindStore(Object key, AggregateCacheEntry<?> entry) {
        Long stored = jdbc.queryForObject("SELECT max(sequence_number) FROM domainevententry WHERE aggregate_identifier = ?",
                Long.class, key.toString());
        Long cached = versionOf(entry);
        return cached == null || (stored != null && stored > cached);
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return VERSION == null ? null : (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** Axon keeps the cached aggregate's version private; without it every cached copy counts as stale. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static boolean canReadVersions() {
        return VERSION != null;
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
