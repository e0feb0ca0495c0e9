package dev.kairos.availability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records, in the same transaction as the schedule views, how far each aggregate's stream has been applied.
 * A query that must reflect a command waits until the command's aggregate sequence shows up here.
 */
@Component
@ProcessingGroup(ScheduleProjector.PROCESSING_GROUP)
class SchedulePositions {
    private final JdbcTemplate jdbc;

    SchedulePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO schedule_position (aggregate_id, sequence) VALUES (?, ?) "
                        + "ON CONFLICT (aggregate_id) DO UPDATE SET sequence = GREATEST(schedule_position.sequence, EXCLUDED.sequence)",
                message.getAggregateIdentifier(), sequence);
    }
}
