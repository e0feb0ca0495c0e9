package dev.kairos.booking.command.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCheckedCacheTest {

    @Test
    void readsTheVersionOfCachedAggregates() {
        assertThat(StoreCheckedCache.canReadVersions())
                .as("Axon's AggregateCacheEntry keeps its version in a field named 'version'; without it every cached calendar is reloaded")
                .isTrue();
    }
}
