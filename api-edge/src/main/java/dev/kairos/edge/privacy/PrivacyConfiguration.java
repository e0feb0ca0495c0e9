package dev.kairos.edge.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairos.edge.support.IdGenerator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Crypto-shredding: customer data keys, the sealing of personal data in stored messages, and its upcaster. */
@Configuration
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    Aes256Gcm aes256Gcm(SecureRandom random) {
        return new Aes256Gcm(random);
    }

    /** The configured master key; a bean of another {@link MasterKey} (a KMS) replaces it. */
    @Bean
    @ConditionalOnMissingBean
    MasterKey masterKey(PrivacyProperties properties, Aes256Gcm aes) {
        if (properties.masterKey() == null || properties.masterKey().isBlank()) {
            throw new IllegalStateException("kairos.privacy.master-key is not set: give the engine a base64-encoded "
                    + "256-bit key (e.g. `openssl rand -base64 32`) and its id (kairos.privacy.master-key-id)");
        }
        Map<String, byte[]> previous = new HashMap<>();
        properties.previousMasterKeys().forEach((id, key) -> previous.put(id, decode(id, key)));
        return new ConfiguredMasterKey(properties.masterKeyId(), decode(properties.masterKeyId(), properties.masterKey()),
                previous, aes);
    }

    private static byte[] decode(String id, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key " + id + " is not base64", e);
        }
    }

    @Bean
    CustomerKeys customerKeys(JdbcTemplate jdbc, MasterKey masterKey, Aes256Gcm aes, IdGenerator ids, Clock clock,
                              PrivacyProperties properties) {
        return new CustomerKeys(jdbc, masterKey, aes, ids, clock, properties.keyCacheTtl(), System::nanoTime);
    }

    @Bean
    PersonalData personalData(CustomerKeys keys, Aes256Gcm aes) {
        return new PersonalData(keys, aes);
    }

    @Bean
    PersonalDataUpcaster personalDataUpcaster(PersonalData personalData) {
        return new PersonalDataUpcaster(personalData);
    }

    @Bean
    CustomerKeyShredder customerKeyShredder(CustomerKeys keys) {
        return new CustomerKeyShredder(keys);
    }

    @Bean
    LegacyPersonalDataRewrite legacyPersonalDataRewrite(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                        PersonalData personalData,
                                                        @Qualifier("defaultAxonObjectMapper") ObjectMapper mapper,
                                                        Clock clock, PrivacyProperties properties) {
        return new LegacyPersonalDataRewrite(jdbc, new TransactionTemplate(transactions), personalData, mapper, clock,
                properties.legacyRewriteBatch());
    }
}
