package dev.kairos.booking.command.support;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Write-side wiring: the command lookups run as a subscribing processor (same transaction as the events), staff
 * calendars are snapshotted every {@code kairos.calendar.snapshot-threshold} events and kept in a cache that only
 * saves loading work (a cached calendar behind its stream is loaded afresh); correctness comes from the event
 * store's unique (aggregate, sequence) index.
 */
@Configuration
public class CommandConfiguration {
    private static final String CALENDARS = "staff-calendars";

    @Autowired
    void subscribeLookups(EventProcessingConfigurer configurer) {
        configurer.registerSubscribingEventProcessor(CommandLookups.PROCESSING_GROUP);
        // the waitlist acts on time freed from now on, never on the history it finds when it first starts
        configurer.registerPooledStreamingEventProcessorConfiguration("waitlist",
                (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }

    /** Where the waitlist's offers run, each in a unit of work and transaction of its own. */
    @Bean(destroyMethod = "shutdown")
    java.util.concurrent.ExecutorService waitlistOffers() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "waitlist-offers");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SnapshotTriggerDefinition calendarSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${kairos.calendar.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * At most {@code kairos.calendar.cache-size} calendars stay loaded on the heap, least recently used leaving
     * first. (A weak-reference cache is emptied by every young collection under load, which is when it matters.)
     */
    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager(@Value("${kairos.calendar.cache-size:2000}") long calendars) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(CALENDARS, CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(calendars)))
                .build(true);
    }

    /** Cached calendars are checked against the event store when loaded, so no node decides on an outdated copy. */
    @Bean
    Cache calendarCache(CacheManager aggregateCacheManager, JdbcTemplate jdbc,
                        @Value("${kairos.calendar.cache-enabled:true}") boolean enabled) {
        return enabled ? new StoreCheckedCache(new EhCache3Adapter((org.ehcache.core.Ehcache<Object, Object>)
                aggregateCacheManager.getCache(CALENDARS, Object.class, Object.class)), jdbc) : NoCache.INSTANCE;
    }
}
