package dev.kairos.edge.privacy;

import java.util.HashMap;
import java.util.Map;

/** Master keys from configuration: the current one wraps, it and the previous ones unwrap. */
final class ConfiguredMasterKey implements MasterKey {
    private final String currentId;
    private final Map<String, byte[]> keys;
    private final Aes256Gcm aes;

    ConfiguredMasterKey(String currentId, byte[] currentKey, Map<String, byte[]> previous, Aes256Gcm aes) {
        if (currentId == null || currentId.isBlank()) {
            throw new IllegalArgumentException("kairos.privacy.master-key-id must name the master key");
        }
        requireLength(currentId, currentKey);
        Map<String, byte[]> all = new HashMap<>();
        previous.forEach((id, key) -> {
            requireLength(id, key);
            all.put(id, key.clone());
        });
        all.put(currentId, currentKey.clone());
        this.currentId = currentId;
        this.keys = Map.copyOf(all);
        this.aes = aes;
    }

    private static void requireLength(String id, byte[] key) {
        if (key == null || key.length != Aes256Gcm.KEY_BYTES) {
            throw new IllegalArgumentException("master key " + id + " must be 256 bits (32 bytes, base64-encoded)");
        }
    }

    @Override
    public Wrapped wrap(byte[] dataKey, byte[] context) {
        return new Wrapped(currentId, aes.seal(keys.get(currentId), dataKey, aad(currentId, context)));
    }

    @Override
    public byte[] unwrap(Wrapped wrapped, byte[] context) {
        byte[] key = keys.get(wrapped.masterKeyId());
        if (key == null) {
            throw new IllegalStateException("master key " + wrapped.masterKeyId() + " is not configured"
                    + " (kairos.privacy.master-key-id / previous-master-keys)");
        }
        return aes.open(key, wrapped.bytes(), aad(wrapped.masterKeyId(), context));
    }

    private static byte[] aad(String masterKeyId, byte[] context) {
        byte[] id = ("kairos-master-key|" + masterKeyId + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] aad = new byte[id.length + context.length];
        System.arraycopy(id, 0, aad, 0, id.length);
        System.arraycopy(context, 0, aad, id.length, context.length);
        return aad;
    }
}
