package dev.kairos.edge.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.kairos.edge.privacy.PersonalData;
import dev.kairos.edge.privacy.PersonalDataSerializer;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
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

import java.time.Duration;

/**
 * Deadlines (a hold's expiry, a waitlist offer's end) are rows in db-scheduler's {@code scheduled_tasks} table in
 * the engine's own database: they survive restarts, and on several nodes each fires exactly once. Declared here
 * rather than left to auto-configuration, which falls back to an in-memory deadline manager without a word when its
 * ordering does not match; a test asserts the type. The db-scheduler task that delivers the deadlines to this
 * manager is Axon's own ({@code AxonDbSchedulerAutoConfiguration#dbSchedulerDeadlineDetailsTask}) with a quicker
 * retry after a failure; the expiry tests prove it runs.
 */
@Configuration
class DeadlineConfiguration {
    /** The first wait before a failed deadline is delivered again; each further attempt waits half as long again. */
    static final Duration DEADLINE_RETRY = Duration.ofMillis(500);

    /**
     * The scheduler's life cycle belongs to the db-scheduler starter, so the deadline manager neither starts nor stops
     * it. Deadline rows are written by a Jackson serializer that reads properties through accessors: the engine's
     * general one reads fields (for snapshots), and an aggregate's scope descriptor resolves its identifier lazily
     * through its getter, so its field is still empty when the deadline is stored. Personal data in a deadline (the
     * client address of a customer whose own request scheduled it) is sealed as in stored events.
     */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory, PersonalData personalData,
                                               @Qualifier("defaultAxonObjectMapper") ObjectMapper axonMapper) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build(), personalData, axonMapper))
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    /**
     * The db-scheduler task that delivers deadlines, as Axon's auto-configuration declares it, except for what happens
     * when delivery fails. A deadline handler that loses a write race (another node appended to the same calendar)
     * fails; db-scheduler's default would try again in five minutes, leaving an expired hold on record as placed and
     * its waitlist offer open all that time. Here it is tried again after half a second, backing off from there.
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(DEADLINE_RETRY))
                .execute((instance, execution) -> axon.execute(instance, execution));
    }
}
