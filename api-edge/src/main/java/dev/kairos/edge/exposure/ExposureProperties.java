package dev.kairos.edge.exposure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param cacheTtl how long a node keeps a business's IP allowlist and CORS origins before reading them again; a change
 *                 counts at once on the node that made it and within this time on the others
 */
@ConfigurationProperties("kairos.exposure")
record ExposureProperties(Duration cacheTtl) {
    ExposureProperties {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(5) : cacheTtl;
    }
}
