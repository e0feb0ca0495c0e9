package dev.kairos.booking.command.support;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Write-side wiring: the command lookups run as a subscribing processor (same transaction as the events), staff
 * calendars are snapshotted every {@code kairos.calendar.snapshot-threshold} events and kept in a cache that only
 * saves loading work; correctness comes from the event store's unique (aggregate, sequence) index.
 */
@Configuration
public class CommandConfiguration {

    @Autowired
    void subscribeLookups(EventProcessingConfigurer configurer) {
        configurer.registerSubscribingEventProcessor(CommandLookups.PROCESSING_GROUP);
    }

    @Bean
    SnapshotTriggerDefinition calendarSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${kairos.calendar.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    Cache calendarCache(@Value("${kairos.calendar.cache-enabled:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
