package dev.kairos.edge.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines (a hold's expiry, a waitlist offer's end) are rows in db-scheduler's {@code scheduled_tasks} table in
 * the engine's own database: they survive restarts, and on several nodes each fires exactly once. Declared here
 * rather than left to auto-configuration, which falls back to an in-memory deadline manager without a word when its
 * ordering does not match; a test asserts the type. The db-scheduler task that delivers the deadlines to this
 * manager is Axon's own ({@code AxonDbSchedulerAutoConfiguration#dbSchedulerDeadlineDetailsTask}); the expiry
 * tests prove it runs.
 */
@Configuration
class DeadlineConfiguration {

    /**
     * The scheduler's life cycle belongs to the db-scheduler starter, so the deadline manager neither starts nor stops
     * it. Deadline rows are written by a Jackson serializer that reads properties through accessors: the engine's
     * general one reads fields (for snapshots), and an aggregate's scope descriptor resolves its identifier lazily
     * through its getter, so its field is still empty when the deadline is stored.
     */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(JacksonSerializer.builder().objectMapper(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build())
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }
}
