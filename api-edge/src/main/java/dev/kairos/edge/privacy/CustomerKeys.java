package dev.kairos.edge.privacy;

import dev.kairos.booking.common.CustomerId;
import dev.kairos.edge.support.IdGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The data keys of customers (table {@code customer_key}), one live key per customer, each wrapped by the
 * {@link MasterKey}. Keys are cached per node for {@code kairos.privacy.key-cache-ttl}. Destroying a customer's keys
 * clears their wrapped bytes in the caller's transaction; once that commits, this node never uses them again (they
 * are evicted and remembered as destroyed), other nodes stop within the cache time to live.
 */
public class CustomerKeys {

    /** An unwrapped data key of a customer. */
    public record DataKey(UUID keyId, CustomerId customerId, byte[] key) {
    }

    private record Cached<T>(T value, long loadedAt) {
    }

    /** What the store knows of a customer: their live key (if any) and their latest erasure (if any). */
    private record Customer(DataKey live, Instant lastErasure) {
    }

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final Aes256Gcm aes;
    private final IdGenerator ids;
    private final Clock clock;
    private final long ttlNanos;
    private final LongSupplier ticker;
    private final Map<UUID, Cached<Optional<DataKey>>> byKeyId = new ConcurrentHashMap<>();
    private final Map<CustomerId, Cached<Customer>> customers = new ConcurrentHashMap<>();
    /** Keys destroyed by a transaction committed on this node: never used here again, whatever a cache still holds. */
    private final Set<UUID> destroyedHere = ConcurrentHashMap.newKeySet();
    /** Keys created by transactions of this node that have not finished: never cached before they commit. */
    private final Set<UUID> uncommitted = ConcurrentHashMap.newKeySet();

    public CustomerKeys(JdbcTemplate jdbc, MasterKey masterKey, Aes256Gcm aes,
                        IdGenerator ids, Clock clock, Duration cacheTtl, LongSupplier ticker) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.aes = aes;
        this.ids = ids;
        this.clock = clock;
        this.ttlNanos = cacheTtl.toNanos();
        this.ticker = ticker;
    }

    /**
     * The customer's live key, created when the customer has none, in the caller's transaction: it commits with the
     * data sealed under it or not at all (and no second connection is needed while the caller holds one). A key
     * created by a transaction still open is cached only once that transaction commits; two transactions creating
     * the same customer's key meet on the unique index, the second waits and then uses the first's.
     */
    public DataKey current(CustomerId customer) {
        Customer state = state(customer);
        if (state.live() != null) {
            return state.live();
        }
        return create(customer);
    }

    /** The customer's live key, if they have one; never creates one. */
    public Optional<DataKey> live(CustomerId customer) {
        return Optional.ofNullable(state(customer).live());
    }

    /** When the customer was last erased (their keys destroyed); empty when never. */
    public Optional<Instant> lastErasure(CustomerId customer) {
        return Optional.ofNullable(state(customer).lastErasure());
    }

    /** The key {@code keyId}; empty once it is destroyed (or when it never existed). */
    public Optional<DataKey> find(UUID keyId) {
        if (destroyedHere.contains(keyId)) {
            return Optional.empty();
        }
        Cached<Optional<DataKey>> cached = byKeyId.get(keyId);
        if (cached != null && fresh(cached.loadedAt())) {
            return cached.value();
        }
        Optional<DataKey> key = jdbc.query("SELECT customer_id, master_key_id, wrapped_key FROM customer_key WHERE key_id = ?",
                (rs, i) -> rs.getBytes(3) == null ? null
                        : unwrap(keyId, new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBytes(3)),
                keyId).stream().filter(java.util.Objects::nonNull).findFirst();
        if (!destroyedHere.contains(keyId) && !uncommitted.contains(keyId)) {
            byKeyId.put(keyId, new Cached<>(key, ticker.getAsLong()));
        }
        return key.filter(k -> !destroyedHere.contains(k.keyId()));
    }

    /**
     * Destroys every key of the customer in the caller's transaction, recording the erasure even when the customer
     * had no key yet (so plaintext an older engine stored about them is redacted, not re-encrypted). Returns the
     * destroyed key ids.
     */
    public List<UUID> destroy(CustomerId customer, Instant at) {
        List<UUID> destroyed = jdbc.queryForList("""
                        UPDATE customer_key SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = ?
                        WHERE customer_id = ? AND destroyed_at IS NULL RETURNING key_id""",
                UUID.class, Timestamp.from(at), customer.id());
        if (destroyed.isEmpty()) {
            jdbc.update("INSERT INTO customer_key (key_id, customer_id, created_at, destroyed_at) VALUES (?, ?, ?, ?)",
                    ids.next(), customer.id(), Timestamp.from(at), Timestamp.from(at));
        }
        Runnable evict = () -> {
            destroyed.forEach(byKeyId::remove);
            customers.remove(customer);
        };
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // once committed, never again on this node; evicted again, as a read that began before the commit may
            // have cached the key meanwhile
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        destroyedHere.addAll(destroyed);
                    }
                    evict.run();
                }
            });
        } else {
            destroyedHere.addAll(destroyed);
        }
        return destroyed;
    }

    private boolean fresh(long loadedAt) {
        return ticker.getAsLong() - loadedAt < ttlNanos;
    }

    private Customer state(CustomerId customer) {
        Cached<Customer> cached = customers.get(customer);
        if (cached != null && fresh(cached.loadedAt())
                && (cached.value().live() == null || !destroyedHere.contains(cached.value().live().keyId()))) {
            return cached.value();
        }
        DataKey[] live = {null};
        Instant[] lastErasure = {null};
        jdbc.query("SELECT key_id, master_key_id, wrapped_key, destroyed_at FROM customer_key WHERE customer_id = ?",
                rs -> {
                    UUID keyId = rs.getObject(1, UUID.class);
                    Timestamp destroyed = rs.getTimestamp(4);
                    if (destroyed != null) {
                        Instant at = destroyed.toInstant();
                        lastErasure[0] = lastErasure[0] == null || at.isAfter(lastErasure[0]) ? at : lastErasure[0];
                    } else if (!destroyedHere.contains(keyId)) {
                        live[0] = unwrap(keyId, customer, rs.getString(2), rs.getBytes(3));
                    }
                }, customer.id());
        Customer state = new Customer(live[0], lastErasure[0]);
        if (state.live() == null || !uncommitted.contains(state.live().keyId())) {
            long now = ticker.getAsLong();
            customers.put(customer, new Cached<>(state, now));
            if (state.live() != null) {
                byKeyId.put(state.live().keyId(), new Cached<>(Optional.of(state.live()), now));
            }
        }
        return state;
    }

    private Optional<DataKey> loadLive(CustomerId customer) {
        return jdbc.query("""
                        SELECT key_id, master_key_id, wrapped_key FROM customer_key
                        WHERE customer_id = ? AND destroyed_at IS NULL""",
                (rs, i) -> unwrap(rs.getObject(1, UUID.class), customer, rs.getString(2), rs.getBytes(3)),
                customer.id()).stream().filter(k -> !destroyedHere.contains(k.keyId())).findFirst();
    }

    private DataKey create(CustomerId customer) {
        UUID keyId = ids.next();
        byte[] key = aes.newKey();
        MasterKey.Wrapped wrapped = masterKey.wrap(key, context(keyId, customer));
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction) {
            uncommitted.add(keyId);
        }
        int inserted = jdbc.update("""
                        INSERT INTO customer_key (key_id, customer_id, master_key_id, wrapped_key, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id) WHERE destroyed_at IS NULL DO NOTHING""",
                keyId, customer.id(), wrapped.masterKeyId(), wrapped.bytes(), Timestamp.from(clock.instant()));
        if (inserted != 1) {
            uncommitted.remove(keyId);
            return loadLive(customer).orElseThrow(
                    () -> new IllegalStateException("customer " + customer + " has no live key after creating one"));
        }
        if (inTransaction) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    uncommitted.remove(keyId);
                    customers.remove(customer);
                }
            });
        } else {
            customers.remove(customer);
        }
        return new DataKey(keyId, customer, key);
    }

    private DataKey unwrap(UUID keyId, CustomerId customer, String masterKeyId, byte[] wrapped) {
        return new DataKey(keyId, customer, masterKey.unwrap(new MasterKey.Wrapped(masterKeyId, wrapped), context(keyId, customer)));
    }

    private static byte[] context(UUID keyId, CustomerId customer) {
        return ("customer-key|" + keyId + "|" + customer.id()).getBytes(StandardCharsets.UTF_8);
    }
}
