package dev.kairos.edge.customers;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.customer.EraseCustomer;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.customers.CustomerQueries;
import dev.kairos.edge.support.Commands;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Erases the personal data of customers who were inactive for longer than {@code kairos.privacy.retention}: a
 * db-scheduler recurring task, so one node of the cluster runs it at a time, that sends {@code EraseCustomer(RETENTION)}
 * for at most {@code batch-size} customer ids per run. A profile is erased when none of its ids had activity since
 * the cutoff and none has an appointment after it. Erasing is idempotent, so an id sent again before the read model
 * shows its erasure changes nothing.
 */
@Configuration
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionSweep {
    private final CustomerQueries customers;
    private final Commands commands;
    private final Clock clock;
    private final RetentionProperties properties;

    RetentionSweep(CustomerQueries customers, Commands commands, Clock clock, RetentionProperties properties) {
        this.customers = customers;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
    }

    @Bean
    RecurringTask<Void> eraseInactiveCustomers() {
        return Tasks.recurring("erase-inactive-customers", FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> sweep());
    }

    /** One run: erases up to a batch of inactive customers; answers how many erasures it sent. */
    public int sweep() {
        if (!properties.retains()) {
            return 0;
        }
        Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(properties.retention()).toInstant();
        int sent = 0;
        for (CustomerQueries.Inactive due : customers.inactiveSince(cutoff, properties.batchSize())) {
            commands.send(new EraseCustomer(new CustomerId(due.customerId()), new BusinessId(due.businessId()), ErasureReason.RETENTION));
            sent++;
        }
        return sent;
    }
}
