package dev.kairos.edge.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivacyConfigurationTest {
    private final PrivacyConfiguration configuration = new PrivacyConfiguration();
    private final Aes256Gcm aes = new Aes256Gcm(new SecureRandom());
    private final String key = Base64.getEncoder().encodeToString(aes.newKey());

    @Test
    void theEngineDoesNotStartWithoutAMasterKey() {
        for (String missing : new String[]{null, "", "  "}) {
            assertThatThrownBy(() -> configuration.masterKey(new PrivacyProperties(missing, "k1", null, null, null), aes))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("kairos.privacy.master-key");
        }
    }

    @Test
    void aMasterKeyThatIsNotBase64Or256BitsIsRefused() {
        assertThatThrownBy(() -> configuration.masterKey(new PrivacyProperties("not base64!", "k1", null, null, null), aes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        String short128 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> configuration.masterKey(new PrivacyProperties(short128, "k1", null, null, null), aes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> configuration.masterKey(new PrivacyProperties(key, "k2", Map.of("k1", short128), null, null), aes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1");
    }

    @Test
    void defaultsAndTheirLimits() {
        PrivacyProperties defaults = new PrivacyProperties(key, null, null, null, null);
        assertThat(defaults.masterKeyId()).isEqualTo("k1");
        assertThat(defaults.keyCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.legacyRewriteBatch()).isEqualTo(500);
        assertThatThrownBy(() -> new PrivacyProperties(key, "k1", null, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrivacyProperties(key, "k1", null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        byte[] context = "c".getBytes(StandardCharsets.UTF_8);
        MasterKey master = configuration.masterKey(defaults, aes);
        assertThat(master.wrap(aes.newKey(), context).masterKeyId()).isEqualTo("k1");
    }
}
