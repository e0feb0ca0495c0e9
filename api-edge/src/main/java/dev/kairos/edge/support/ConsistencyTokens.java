package dev.kairos.edge.support;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading your own writes. Every command response carries {@value #HEADER}: the aggregate that changed and the
 * sequence of its last event. A query sent with one or more such tokens (comma-separated) waits, at most
 * {@code kairos.read-your-writes.max-wait} in all, until the schedule read model has applied each of those events,
 * and reports in {@value #STATUS_HEADER} whether it has. A token speaks for its own aggregate only: a client that
 * needs several of its writes seen sends all their tokens.
 */
@Component
public class ConsistencyTokens {
    public static final String HEADER = "Consistency-Token";
    public static final String STATUS_HEADER = "Consistency-Status";
    static final int MAX_TOKENS = 20;
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

    /** Waits for the read model to reach every token; returns the status to report ("applied" or "timeout"). */
    public String await(String tokens) {
        String[] each = tokens.split(",", MAX_TOKENS + 1);
        if (each.length > MAX_TOKENS) {
            throw new ApiProblem(ErrorCode.INVALID_VALUE, "at most " + MAX_TOKENS + " consistency tokens at once");
        }
        List<Matcher> parsed = new ArrayList<>();
        for (String token : each) {
            Matcher m = TOKEN.matcher(token.trim());
            if (!m.matches()) {
                throw new ApiProblem(ErrorCode.INVALID_VALUE, HEADER + " must hold tokens returned by command responses");
            }
            parsed.add(m);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (Matcher m : parsed) {
            if (!reached(m.group(1).toLowerCase(), Long.parseLong(m.group(2)), deadline)) {
                return "timeout";
            }
        }
        return "applied";
    }

    private boolean reached(String aggregateId, long sequence, long deadline) {
        long pauseMicros = 500;
        while (schedule.position(aggregateId) < sequence) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(pauseMicros / 1000, (int) (pauseMicros % 1000) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pauseMicros = Math.min(pauseMicros * 2, 20_000);
        }
        return true;
    }
}
