package dev.kairos.edge.replay;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ReplayProperties.class)
class ReplayConfiguration {
}
