package dev.kairos.edge.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kairos.booking.common.BookingException;
import dev.kairos.edge.privacy.PersonalData;
import dev.kairos.edge.privacy.PersonalDataSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Axon on PostgreSQL: Jackson for every message, pooled streaming projections, retries on write conflicts. */
@Configuration
public class AxonConfiguration {

    /**
     * The mapper Axon's Jackson serializer uses for events, messages, snapshots and tokens: ISO-8601 times, and
     * aggregate snapshots written from fields.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /** Snake-case columns of the event and snapshot tables (see the command module's Flyway migration). */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domainevententry")
                .snapshotTable("snapshotevententry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("tokenentry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The event store, as auto-configured, but looking for new events every
     * {@code kairos.events.fetch-delay} (default 100 ms) instead of every second: events committed by another node,
     * or not yet visible when a projection last looked, reach the projections within that delay. It bounds how
     * long a query that waits for its own write waits.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${kairos.events.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /**
     * The JDBC storage engine as Axon configures it (declaring the event store above switches Axon's own off), with
     * a gap timeout of minutes: a missing global index younger than that is waited for, never skipped. Events and
     * snapshots are written with their personal data sealed by the customer's key and read with it opened
     * ({@link PersonalDataSerializer}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersonalData personalData,
                                          @Qualifier("defaultAxonObjectMapper") ObjectMapper axonMapper,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(new PersonalDataSerializer(serializer, personalData, axonMapper))
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(new PersonalDataSerializer(eventSerializer, personalData, axonMapper))
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout((int) Duration.ofMinutes(5).toMillis())
                .build();
    }

    /** The pooled projections read through this (see {@code axon.eventhandling.processors.*.source}). */
    @Bean
    PromptEventSource promptEventSource(EventStore eventStore, ScheduledExecutorService engineTimers,
                                        @Value("${kairos.events.prompt-interval:10ms}") Duration interval,
                                        @Value("${kairos.events.idle-prompt-interval:100ms}") Duration idleInterval) {
        return new PromptEventSource(eventStore, engineTimers, interval, idleInterval);
    }

    /** Lets a lost write race (duplicate aggregate sequence) surface as Axon's ConcurrencyException. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /**
     * Projections run on pooled streaming processors. A handler that fails is never skipped: the failure propagates,
     * so a projection's batch is rolled back and handled again later, and a command-side lookup that cannot be
     * written fails the command's own transaction instead of leaving the lookups behind the events.
     */
    @Autowired
    void pooledProjections(EventProcessingConfigurer configurer) {
        configurer.usingPooledStreamingEventProcessors();
        configurer.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * Axon's local command bus, as auto-configured, except that a business rejection does not roll the unit of
     * work back. Every rule is checked before a decision applies its first event, so a rejected command has
     * nothing to undo; rolling back would only evict the calendar from the aggregate cache and make the next
     * command rebuild it from the event store. Any other failure still rolls back.
     */
    @Bean(destroyMethod = "")
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(failure -> !(failure instanceof BookingException))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** Used only when commands are distributed (Axon Server profile). */
    @Bean
    RoutingStrategy routingStrategy() {
        return new CommandRouting();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService engineTimers() {
        return Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "engine-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    ConflictRetryScheduler conflictRetryScheduler(ScheduledExecutorService engineTimers,
                                                  @Value("${kairos.commands.max-retries:8}") int maxRetries) {
        return new ConflictRetryScheduler(engineTimers, maxRetries);
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetryScheduler)
                .build();
    }
}
