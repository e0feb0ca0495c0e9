package dev.kairos.edge.apikeys;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class ApiKeyConfiguration {
    /** The filter runs inside the security chain (see {@code SecurityConfiguration}), not as a filter of its own. */
    @Bean
    ApiKeyFilter apiKeyFilter(ApiKeys keys, JsonMapper json) {
        return new ApiKeyFilter(keys, json);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilterOutsideTheChain(ApiKeyFilter filter) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
