package dev.kairos.edge.manage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.time.Clock;

@Configuration
@EnableConfigurationProperties(ManageLinkProperties.class)
class ManageLinkConfiguration {

    /** The randomness of generated link keys; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    ManageLinks manageLinks(ManageLinkProperties properties, JdbcTemplate jdbc, SecureRandom random, Clock clock) {
        return new ManageLinks(new ManageLinkKeys(properties, jdbc, random, clock), properties);
    }
}
