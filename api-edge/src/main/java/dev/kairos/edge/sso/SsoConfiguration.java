package dev.kairos.edge.sso;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.util.Base64;

@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

    /** 256 random bits per secret: OpenID Connect state, nonce and PKCE verifier, SAML request ids. */
    @Bean
    @ConditionalOnMissingBean
    LoginSecrets loginSecrets(SecureRandom random) {
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}
