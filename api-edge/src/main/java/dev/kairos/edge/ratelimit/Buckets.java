package dev.kairos.edge.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: in this node's memory or in Redis. */
interface Buckets {
    /** Takes one token from {@code key}'s bucket of {@code policy}, if there is one. */
    ConsumptionProbe tryConsume(Policy policy, String key);
}
