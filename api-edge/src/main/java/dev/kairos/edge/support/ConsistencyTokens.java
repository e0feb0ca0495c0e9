package dev.kairos.edge.support;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading your own writes. Every command response carries {@value #HEADER}: the aggregate that changed and the
 * sequence of its last event. A query sent with that header waits, at most {@code kairos.read-your-writes.max-wait},
 * until the schedule read model has applied that event, and reports in {@value #STATUS_HEADER} whether it has.
 */
@Component
public class ConsistencyTokens {
    public static final String HEADER = "Consistency-Token";
    public static final String STATUS_HEADER = "Consistency-Status";
    private static final Pattern TOKEN = Pattern.compile("^([0-9a-fA-F-]{36})\\.(\\d{1,18})$");

    private final ScheduleQueries schedule;
    private final Duration maxWait;

    public ConsistencyTokens(ScheduleQueries schedule, @Value("${kairos.read-your-writes.max-wait:2s}") Duration maxWait) {
        this.schedule = schedule;
        this.maxWait = maxWait;
    }

    public static String tokenOf(CommandOutcome outcome) {
        return outcome.aggregateId() + "." + outcome.sequence();
    }

    /** Waits for the read model to reach the token; returns the status to report ("applied" or "timeout"). */
    public String await(String token) {
        Matcher m = TOKEN.matcher(token.trim());
        if (!m.matches()) {
            throw new ApiProblem(ErrorCode.INVALID_VALUE, HEADER + " must be a token returned by a command response");
        }
        String aggregateId = m.group(1).toLowerCase();
        long sequence = Long.parseLong(m.group(2));
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pauseMicros = 500;
        while (schedule.position(aggregateId) < sequence) {
            if (System.nanoTime() >= deadline) {
                return "timeout";
            }
            try {
                Thread.sleep(pauseMicros / 1000, (int) (pauseMicros % 1000) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "timeout";
            }
            pauseMicros = Math.min(pauseMicros * 2, 20_000);
        }
        return "applied";
    }
}
