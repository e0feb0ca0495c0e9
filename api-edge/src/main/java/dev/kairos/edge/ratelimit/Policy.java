package dev.kairos.edge.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.Objects;

/** A named budget: its name appears in the {@code RateLimit-Policy} and {@code RateLimit} headers. */
record Policy(String name, long quota, Duration window) {

    static Policy of(String name, RateLimitProperties.Budget budget) {
        return new Policy(name, budget.capacity(), budget.period());
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(quota).refillGreedy(quota, window).build())
                .build();
    }

    /** Changes whenever the budget does, so stored buckets take the new configuration. */
    long version() {
        return Objects.hash(quota, window) & 0x7fffffffL;
    }

    /** {@code RateLimit-Policy: "ip";q=300;w=60} */
    String header() {
        return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }
}
