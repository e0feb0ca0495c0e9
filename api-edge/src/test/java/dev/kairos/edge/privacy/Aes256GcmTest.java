package dev.kairos.edge.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Aes256GcmTest {
    private final Aes256Gcm aes = new Aes256Gcm(new SecureRandom());
    private final byte[] key = aes.newKey();
    private final byte[] plain = "{\"name\":\"Zelda Quartermaine\"}".getBytes(StandardCharsets.UTF_8);
    private final byte[] aad = "pii:v1|customer-1|customer|key-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndNeverShowsThePlaintext() {
        byte[] sealed = aes.seal(key, plain, aad);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Zelda");
        assertThat(sealed).hasSize(12 + plain.length + 16);
        assertThat(aes.open(key, sealed, aad)).isEqualTo(plain);
    }

    @Test
    void aFreshIvEveryTimeSoTheSameDataNeverSealsTheSame() {
        assertThat(aes.seal(key, plain, aad)).isNotEqualTo(aes.seal(key, plain, aad));
    }

    @Test
    void rejectsATamperedCiphertext() {
        byte[] sealed = aes.seal(key, plain, aad);
        for (int i : new int[]{0, 12, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> aes.open(key, tampered, aad)).isInstanceOf(Aes256Gcm.TamperedException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, 20);
        assertThatThrownBy(() -> aes.open(key, truncated, aad)).isInstanceOf(Aes256Gcm.TamperedException.class);
    }

    @Test
    void rejectsAnotherContext() {
        byte[] sealed = aes.seal(key, plain, aad);
        byte[] otherField = "pii:v1|customer-1|notes|key-1".getBytes(StandardCharsets.UTF_8);
        byte[] otherCustomer = "pii:v1|customer-2|customer|key-1".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> aes.open(key, sealed, otherField)).isInstanceOf(Aes256Gcm.TamperedException.class);
        assertThatThrownBy(() -> aes.open(key, sealed, otherCustomer)).isInstanceOf(Aes256Gcm.TamperedException.class);
    }

    @Test
    void rejectsAnotherKeyAndKeysOfTheWrongSize() {
        byte[] sealed = aes.seal(key, plain, aad);
        assertThatThrownBy(() -> aes.open(aes.newKey(), sealed, aad)).isInstanceOf(Aes256Gcm.TamperedException.class);
        assertThatThrownBy(() -> aes.seal(new byte[16], plain, aad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMasterKeyUnwrapsOnlyWhatItWrappedForThatContext() {
        byte[] context = "customer-key|k|c".getBytes(StandardCharsets.UTF_8);
        ConfiguredMasterKey master = new ConfiguredMasterKey("m1", aes.newKey(), Map.of(), aes);
        MasterKey.Wrapped wrapped = master.wrap(key, context);
        assertThat(wrapped.masterKeyId()).isEqualTo("m1");
        assertThat(master.unwrap(wrapped, context)).isEqualTo(key);

        ConfiguredMasterKey wrongKeySameId = new ConfiguredMasterKey("m1", aes.newKey(), Map.of(), aes);
        assertThatThrownBy(() -> wrongKeySameId.unwrap(wrapped, context)).isInstanceOf(Aes256Gcm.TamperedException.class);
        assertThatThrownBy(() -> master.unwrap(wrapped, "customer-key|k|other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Aes256Gcm.TamperedException.class);
        assertThatThrownBy(() -> master.unwrap(new MasterKey.Wrapped("m0", wrapped.bytes()), context))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("m0");
    }

    @Test
    void aRotatedMasterKeyStillUnwrapsWhatThePreviousOneWrapped() {
        byte[] context = "customer-key|k|c".getBytes(StandardCharsets.UTF_8);
        byte[] first = aes.newKey();
        MasterKey.Wrapped old = new ConfiguredMasterKey("m1", first, Map.of(), aes).wrap(key, context);
        ConfiguredMasterKey rotated = new ConfiguredMasterKey("m2", aes.newKey(), Map.of("m1", first), aes);
        assertThat(rotated.unwrap(old, context)).isEqualTo(key);
        assertThat(rotated.wrap(key, context).masterKeyId()).isEqualTo("m2");
    }

    @Test
    void aMasterKeyMustBe256Bits() {
        assertThatThrownBy(() -> new ConfiguredMasterKey("m1", new byte[31], Map.of(), aes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new ConfiguredMasterKey(" ", aes.newKey(), Map.of(), aes))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
