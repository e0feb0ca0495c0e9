package dev.kairos.edge.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.kairos.edge.support.IdempotencyFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    /** Stored idempotent answers are kept for a day; one node purges them every ten minutes. */
    @Bean
    RecurringTask<Void> purgeIdempotencyRecords(IdempotencyFilter idempotency) {
        return Tasks.recurring("purge-idempotency-records", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> idempotency.purgeOlderThan(Duration.ofDays(1)));
    }
}
