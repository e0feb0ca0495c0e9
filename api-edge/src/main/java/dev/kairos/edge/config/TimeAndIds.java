package dev.kairos.edge.config;

import dev.kairos.edge.support.IdGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;

/** The only places the engine reads the wall clock and draws random ids; tests replace both. */
@Configuration
public class TimeAndIds {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return UUID::randomUUID;
    }
}
