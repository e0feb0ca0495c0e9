package dev.kairos.edge.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM with a fresh random 96-bit IV per message and a 128-bit tag. A sealed message is {@code iv || ciphertext
 * || tag}; the associated data (AAD) is authenticated but not stored, so a ciphertext opens only in the context it was
 * sealed for.
 */
final class Aes256Gcm {
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;
    /** A cipher per thread: looking one up costs more than sealing a customer's details. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    Aes256Gcm(SecureRandom random) {
        this.random = random;
    }

    byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        requireKey(key);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; {@link TamperedException} when the key, the AAD or any byte of the message is not the sealed one. */
    byte[] open(byte[] key, byte[] message, byte[] aad) {
        requireKey(key);
        if (message == null || message.length < IV_BYTES + TAG_BITS / 8) {
            throw new TamperedException("sealed message too short");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(message, 0, IV_BYTES)));
            cipher.updateAAD(aad);
            return cipher.doFinal(message, IV_BYTES, message.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedException("sealed message does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static void requireKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
    }

    /** A sealed message that does not open: wrong key, wrong context or altered bytes. */
    static final class TamperedException extends RuntimeException {
        TamperedException(String message) {
            super(message);
        }
    }
}
