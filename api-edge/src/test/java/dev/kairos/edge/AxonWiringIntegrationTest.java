package dev.kairos.edge;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guards against Axon silently falling back to defaults that are unsafe on PostgreSQL: no-op transactions,
 * in-memory stores, XStream, or projections outside the command's transaction.
 */
class AxonWiringIntegrationTest extends EngineTest {
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("calendarCache")
    Cache calendarCache;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    List<Task<?>> schedulerTasks;

    @Test
    void axonRunsInSpringTransactionsOnTheJdbcStoresWithJackson() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void deadlinesArePersistentRowsOfDbSchedulerInTheEnginesDatabase() {
        assertThat(axon.deadlineManager()).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).isNotNull();
        List<Task<?>> deliveries = schedulerTasks.stream().filter(t -> t.getName().equals("AxonDeadline")).toList();
        assertThat(deliveries).as("one task delivers deadlines").hasSize(1);
        assertThat(deliveries.get(0).getFailureHandler()).as("a failed delivery is tried again soon, not in five minutes")
                .isInstanceOf(FailureHandler.ExponentialBackoffFailureHandler.class);
    }

    @Test
    void aFailingEventHandlerIsNeverSkipped() {
        for (String group : new String[]{"schedule", "customers", "waitlist", "webhooks", "command-lookups"}) {
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group).isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Test
    void projectionsArePooledAndCommandLookupsSubscribe() {
        assertThat(processing.eventProcessor("schedule")).get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.eventProcessor("customers")).get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.eventProcessor("webhooks")).get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.eventProcessor("command-lookups")).get().isInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void aRejectedBookingKeepsTheCalendarCachedAndStoresNothing() {
        Scenario salon = Scenario.business(api, "Salon", "Europe/Berlin");
        UUID service = salon.service("Cut", 30, 0, 0, 30, 0);
        UUID staff = salon.staff("Mia", "Europe/Berlin", List.of(service), "09:00-17:00");
        assertThat(salon.book(service, staff, "2026-12-07T09:00:00+01:00", "Ada").status()).isEqualTo(201);
        assertThat(calendarCache.containsKey(staff.toString())).isTrue();
        long events = storedEvents();

        assertThat(salon.book(service, staff, "2026-12-07T09:00:00+01:00", "Bob").code()).isEqualTo("slot-unavailable");

        assertThat(calendarCache.containsKey(staff.toString())).as("a rejection must not evict the calendar").isTrue();
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(salon.book(service, staff, "2026-12-07T09:30:00+01:00", "Bob").status()).isEqualTo(201);
    }

    @Test
    void eventsAreReadableJsonInByteaWithIsoInstants() {
        Scenario salon = Scenario.business(api, "Salon", "Europe/Berlin");
        UUID service = salon.service("Cut", 30, 0, 0, 30, 0);
        UUID staff = salon.staff("Mia", "Europe/Berlin", List.of(service), "09:00-17:00");
        assertThat(salon.book(service, staff, "2026-12-07T09:00:00+01:00", "Ada").status()).isEqualTo(201);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, staff.toString());
        assertThat(payload).contains("\"start\":\"2026-12-07T08:00:00Z\"").contains("\"businessId\":{\"id\":\"" + salon.businessId);
        assertThat(jdbc.queryForObject("SELECT pg_typeof(payload)::text FROM domainevententry LIMIT 1", String.class)).isEqualTo("bytea");
        String token = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE processor_name = 'schedule' AND token IS NOT NULL",
                String.class), tokens -> !tokens.isEmpty()).get(0);
        assertThat(token).contains("\"index\"");
    }
}
