package dev.kairos.edge.privacy;

/**
 * The key that wraps (encrypts) every customer data key. The engine's own implementation holds configured AES-256 keys
 * ({@code kairos.privacy.master-key}); a KMS-backed one can replace it as a bean. Each wrapped key records the id of
 * the master key that wrapped it, so master keys can be rotated while older wrapped keys still open.
 */
public interface MasterKey {

    /** A data key wrapped by the master key {@code masterKeyId}. */
    record Wrapped(String masterKeyId, byte[] bytes) {
    }

    /** Wraps {@code dataKey} with the current master key, bound to {@code context}. */
    Wrapped wrap(byte[] dataKey, byte[] context);

    /** Opens a key wrapped by {@link #wrap}; fails when the master key is unknown or the bytes or context differ. */
    byte[] unwrap(Wrapped wrapped, byte[] context);
}
