package dev.kairos.edge.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Period;

/**
 * @param retention     how long a customer may stay without activity (a booking made, an appointment ended, a preference
 *                      changed) and without a future appointment before their personal data is erased; {@code 0} or
 *                      absent: never (e.g. {@code P3Y}, {@code 1095d})
 * @param batchSize     customers erased at most per run of the sweep
 * @param sweepInterval how often one node of the cluster looks for customers to erase
 */
@ConfigurationProperties("kairos.privacy")
record RetentionProperties(Period retention, Integer batchSize, Duration sweepInterval) {
    RetentionProperties {
        retention = retention == null ? Period.ZERO : retention;
        batchSize = batchSize == null ? 500 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
        if (retention.isNegative() || batchSize < 1 || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("kairos.privacy: retention must not be negative, batch-size and sweep-interval positive");
        }
    }

    boolean retains() {
        return !retention.isZero();
    }
}
