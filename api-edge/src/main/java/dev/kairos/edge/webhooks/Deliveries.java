package dev.kairos.edge.webhooks;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.kairos.edge.webhooks.Subscriptions.instant;

/**
 * Deliveries and their log. A node claims due deliveries with {@code FOR UPDATE SKIP LOCKED}, so two nodes never
 * claim the same one; a claim moves {@code next_attempt_at} one lease ahead, so a delivery whose node died mid-attempt
 * is taken over once the lease ends. An attempt's outcome is written only by the claim that made it (the attempt
 * number is the claim's fence).
 */
@Component
class Deliveries {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final int MAX_LIST = 100;
    private static final String COLUMNS = "d.delivery_id, d.subscription_id, d.business_id, d.event_id, d.event_type, d.position, "
            + "d.payload, d.state, d.attempts, d.retries_used, d.next_attempt_at, d.manual_due, d.created_at, d.last_attempt_at, "
            + "d.delivered_at";

    record Delivery(UUID id, UUID subscriptionId, UUID businessId, String eventId, String eventType, long position, String payload,
                    String state, int attempts, int retriesUsed, Instant nextAttemptAt, boolean manualDue, Instant createdAt,
                    Instant lastAttemptAt, Instant deliveredAt) {
    }

    record Attempt(int attempt, Instant startedAt, long durationMs, Integer statusCode, String error, String responseSnippet,
                   boolean manual) {
    }

    /** What an attempt came to. */
    record Outcome(Instant startedAt, long durationMs, Integer statusCode, String error, String responseSnippet) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** A claimed delivery: the attempt it is, and what it needs to be sent. */
    record Claim(Delivery delivery, Subscriptions.Subscription subscription) {
        int attempt() {
            return delivery.attempts() + 1;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Deliveries(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Up to {@code limit} due deliveries of enabled subscriptions, now this node's until {@code lease} has passed. */
    List<Delivery> claim(int limit, java.time.Duration lease) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<Delivery> due = jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery d JOIN webhook_subscription s "
                            + "ON s.subscription_id = d.subscription_id WHERE d.state = ? AND d.next_attempt_at <= ? AND s.state = ? "
                            + "ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED",
                    Deliveries::delivery, PENDING, Timestamp.from(now), Subscriptions.ENABLED, limit);
            for (Delivery d : due) {
                jdbc.update("UPDATE webhook_delivery SET next_attempt_at = ? WHERE delivery_id = ?", Timestamp.from(now.plus(lease)), d.id());
            }
            return due;
        });
    }

    /**
     * Records attempt {@code attempt} of a claimed delivery and what follows: delivered, the next retry (at
     * {@code retryAt}), or failed for good when {@code retryAt} is null. False when the attempt was not this claim's
     * to record (another node took the delivery over).
     */
    boolean record(Delivery claimed, int attempt, boolean manual, Outcome outcome, Instant retryAt, boolean scheduledAttempt) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            String state = outcome.succeeded() ? DELIVERED : retryAt == null ? FAILED : PENDING;
            int updated = jdbc.update("UPDATE webhook_delivery SET attempts = ?, retries_used = retries_used + ?, state = ?, "
                            + "next_attempt_at = ?, manual_due = FALSE, last_attempt_at = ?, delivered_at = coalesce(?, delivered_at) "
                            + "WHERE delivery_id = ? AND attempts = ?",
                    attempt, scheduledAttempt ? 1 : 0, state, state.equals(PENDING) ? Timestamp.from(retryAt) : null,
                    Timestamp.from(outcome.startedAt()), outcome.succeeded() ? Timestamp.from(outcome.startedAt()) : null,
                    claimed.id(), attempt - 1);
            if (updated == 0) {
                return false;
            }
            jdbc.update("INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error, response_snippet, "
                            + "manual) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    claimed.id(), attempt, Timestamp.from(outcome.startedAt()), outcome.durationMs(), outcome.statusCode(),
                    outcome.error(), outcome.responseSnippet(), manual);
            return true;
        }));
    }

    /** The subscription's deliveries, newest first, optionally of one state. */
    List<Delivery> list(UUID businessId, UUID subscriptionId, String state, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery d WHERE d.business_id = ? AND d.subscription_id = ? "
                        + "AND (?::text IS NULL OR d.state = ?) ORDER BY d.created_at DESC, d.position DESC LIMIT ?",
                Deliveries::delivery, businessId, subscriptionId, state, state, limit);
    }

    Delivery get(UUID businessId, UUID subscriptionId, UUID deliveryId) {
        return find(deliveryId).filter(d -> d.businessId().equals(businessId) && d.subscriptionId().equals(subscriptionId))
                .orElseThrow(() -> new BookingException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "delivery not found: " + deliveryId));
    }

    Optional<Delivery> find(UUID deliveryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery d WHERE d.delivery_id = ?", Deliveries::delivery, deliveryId)
                .stream().findFirst();
    }

    List<Attempt> attempts(UUID deliveryId) {
        return jdbc.query("SELECT attempt, started_at, duration_ms, status_code, error, response_snippet, manual FROM webhook_attempt "
                        + "WHERE delivery_id = ? ORDER BY attempt",
                (rs, i) -> new Attempt(rs.getInt(1), instant(rs.getTimestamp(2)), rs.getLong(3), (Integer) rs.getObject(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)), deliveryId);
    }

    /**
     * Makes the delivery due now, whatever its state (a delivered one is sent again, a failed one once more); its
     * automatic schedule goes on from where it was.
     */
    Delivery redeliver(UUID businessId, UUID subscriptionId, UUID deliveryId) {
        Delivery delivery = get(businessId, subscriptionId, deliveryId);
        jdbc.update("UPDATE webhook_delivery SET state = ?, next_attempt_at = ?, manual_due = TRUE WHERE delivery_id = ?",
                PENDING, Timestamp.from(clock.instant()), delivery.id());
        return get(businessId, subscriptionId, deliveryId);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("delivery_id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("business_id", UUID.class), rs.getString("event_id"), rs.getString("event_type"), rs.getLong("position"),
                rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"), rs.getInt("retries_used"),
                instant(rs.getTimestamp("next_attempt_at")), rs.getBoolean("manual_due"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_attempt_at")), instant(rs.getTimestamp("delivered_at")));
    }
}
