package dev.kairos.edge.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Tenancy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {
    private final Tenancy tenancy;

    public WebConfiguration(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tenancy).addPathPatterns("/api/v1/businesses/**");
    }

    /** Stored idempotent answers are kept for a day; one node purges them every ten minutes. */
    @Bean
    RecurringTask<Void> purgeIdempotencyRecords(IdempotencyFilter idempotency) {
        return Tasks.recurring("purge-idempotency-records", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> idempotency.purgeOlderThan(Duration.ofDays(1)));
    }
}
