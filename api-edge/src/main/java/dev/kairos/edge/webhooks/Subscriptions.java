package dev.kairos.edge.webhooks;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.exposure.Cidr;
import dev.kairos.edge.feed.PublicEventType;
import dev.kairos.edge.support.OutboundUrls;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A business's webhook subscriptions: the URL (checked against the outbound policy when saved, and again before each
 * request), the public event types it receives, and the signing secret. The secret is kept as it is, since the engine
 * signs with it; it is shown when made and when rotated, never in lists.
 */
@Component
class Subscriptions {
    static final String SECRET_PREFIX = "whsec_";
    static final int MAX_DESCRIPTION = 500;
    static final String ENABLED = "ENABLED";
    static final String DISABLED = "DISABLED";
    private static final String COLUMNS = "subscription_id, business_id, url, event_types, description, secret, rotation_id, "
            + "previous_secret, previous_expires_at, state, from_position, disabled_at, disabled_reason, created_at, updated_at";

    record Subscription(UUID id, UUID businessId, String url, List<String> eventTypes, String description, String secret,
                        UUID rotationId, String previousSecret, Instant previousExpiresAt, String state, long fromPosition,
                        Instant disabledAt, String disabledReason, Instant createdAt, Instant updatedAt) {
        boolean enabled() {
            return ENABLED.equals(state);
        }

        /** The secrets that sign a request sent at {@code now}: the current one, and the previous one during its grace. */
        List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousExpiresAt != null && previousExpiresAt.isAfter(now)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecureRandom random;
    private final Clock clock;
    private final WebhookProperties properties;
    private final OutboundUrls.Policy policy;
    private final OutboundUrls.Resolver resolver;

    Subscriptions(JdbcTemplate jdbc, TransactionTemplate transactions, SecureRandom random, Clock clock,
                  WebhookProperties properties, OutboundUrls.Resolver webhookResolver) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
        this.policy = new OutboundUrls.Policy(properties.allowLoopback(), Cidr.parseAll(properties.allowedCidrs()), true,
                Set.copyOf(properties.httpHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()));
        this.resolver = webhookResolver;
    }

    OutboundUrls.Policy policy() {
        return policy;
    }

    OutboundUrls.Resolver resolver() {
        return resolver;
    }

    /**
     * A new subscription; an id already used by this business (a retried request with the same
     * {@code Idempotency-Key}) answers that subscription as it is, with its secret.
     */
    Subscription create(UUID id, UUID businessId, String url, List<String> types, String description) {
        URI checked = checkUrl(url);
        List<String> eventTypes = eventTypes(types);
        String about = description(description);
        Instant now = clock.instant();
        return transactions.execute(status -> {
            Optional<Subscription> existing = find(businessId, id);
            if (existing.isPresent()) {
                return existing.get();
            }
            BookingException.require(jdbc.queryForObject("SELECT count(*) FROM webhook_subscription WHERE subscription_id = ?",
                    Long.class, id) == 0, ErrorCode.ALREADY_EXISTS, "this Idempotency-Key made a subscription elsewhere");
            // one subscription at a time per business, so that the limit holds under concurrent requests
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "webhooks|" + businessId);
            long count = jdbc.queryForObject("SELECT count(*) FROM webhook_subscription WHERE business_id = ?", Long.class, businessId);
            BookingException.require(count < properties.maxSubscriptions(), ErrorCode.WEBHOOK_LIMIT_REACHED,
                    "a business has at most " + properties.maxSubscriptions() + " webhook subscriptions");
            long from = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domainevententry", Long.class);
            jdbc.update("INSERT INTO webhook_subscription (subscription_id, business_id, url, event_types, description, secret, state, "
                            + "from_position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, businessId, checked.toString(), String.join(" ", eventTypes), about, newSecret(), ENABLED, from,
                    Timestamp.from(now), Timestamp.from(now));
            return find(businessId, id).orElseThrow();
        });
    }

    List<Subscription> list(UUID businessId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE business_id = ? ORDER BY created_at, subscription_id",
                Subscriptions::subscription, businessId);
    }

    Optional<Subscription> find(UUID businessId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE subscription_id = ? AND business_id = ?",
                Subscriptions::subscription, id, businessId).stream().findFirst();
    }

    Subscription get(UUID businessId, UUID id) {
        return find(businessId, id).orElseThrow(() -> new BookingException(ErrorCode.WEBHOOK_NOT_FOUND, "webhook not found: " + id));
    }

    /** Another URL, other event types or description; what is not given stays. */
    Subscription update(UUID businessId, UUID id, String url, List<String> types, String description) {
        Subscription current = get(businessId, id);
        String newUrl = url == null ? current.url() : checkUrl(url).toString();
        List<String> eventTypes = types == null ? current.eventTypes() : eventTypes(types);
        String about = description == null ? current.description() : description(description);
        jdbc.update("UPDATE webhook_subscription SET url = ?, event_types = ?, description = ?, updated_at = ? "
                        + "WHERE subscription_id = ? AND business_id = ?",
                newUrl, String.join(" ", eventTypes), about, Timestamp.from(clock.instant()), id, businessId);
        return get(businessId, id);
    }

    /** Removes the subscription with its deliveries and their log. */
    void delete(UUID businessId, UUID id) {
        if (jdbc.update("DELETE FROM webhook_subscription WHERE subscription_id = ? AND business_id = ?", id, businessId) == 0) {
            throw new BookingException(ErrorCode.WEBHOOK_NOT_FOUND, "webhook not found: " + id);
        }
    }

    /**
     * A new secret; the previous one still signs (a second {@code v1}) for the configured grace. A retry with the same
     * rotation id (derived from its {@code Idempotency-Key}) answers the secret that rotation made instead of another.
     */
    Subscription rotate(UUID businessId, UUID id, UUID rotationId) {
        return transactions.execute(status -> {
            Subscription current = jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE subscription_id = ? "
                    + "AND business_id = ? FOR UPDATE", Subscriptions::subscription, id, businessId).stream().findFirst()
                    .orElseThrow(() -> new BookingException(ErrorCode.WEBHOOK_NOT_FOUND, "webhook not found: " + id));
            if (rotationId.equals(current.rotationId())) {
                return current;
            }
            Instant now = clock.instant();
            jdbc.update("UPDATE webhook_subscription SET previous_secret = secret, previous_expires_at = ?, secret = ?, rotation_id = ?, "
                            + "updated_at = ? WHERE subscription_id = ?",
                    Timestamp.from(now.plus(properties.secretRotationGrace())), newSecret(), rotationId, Timestamp.from(now), id);
            return get(businessId, id);
        });
    }

    /** Enables a subscription again (after an automatic disabling); its deliveries that were still pending resume. */
    Subscription enable(UUID businessId, UUID id) {
        Instant now = clock.instant();
        if (jdbc.update("UPDATE webhook_subscription SET state = ?, disabled_at = NULL, disabled_reason = NULL, updated_at = ? "
                + "WHERE subscription_id = ? AND business_id = ?", ENABLED, Timestamp.from(now), id, businessId) == 0) {
            throw new BookingException(ErrorCode.WEBHOOK_NOT_FOUND, "webhook not found: " + id);
        }
        return get(businessId, id);
    }

    /** Disables an enabled subscription; false when it was not enabled (another node disabled it first). */
    boolean disable(UUID id, String reason) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE webhook_subscription SET state = ?, disabled_at = ?, disabled_reason = ?, updated_at = ? "
                + "WHERE subscription_id = ? AND state = ?", DISABLED, Timestamp.from(now), reason, Timestamp.from(now), id, ENABLED) == 1;
    }

    private URI checkUrl(String url) {
        BookingException.require(url != null && !url.isBlank(), ErrorCode.VALIDATION_FAILED, "url is required");
        BookingException.require(url.length() <= properties.maxUrlLength(), ErrorCode.WEBHOOK_URL_REFUSED,
                "the URL is longer than " + properties.maxUrlLength() + " characters");
        URI uri = OutboundUrls.check(url.strip(), policy, resolver, "webhooks", ErrorCode.WEBHOOK_URL_REFUSED,
                ErrorCode.WEBHOOK_URL_UNREACHABLE);
        BookingException.require(uri.getRawFragment() == null, ErrorCode.WEBHOOK_URL_REFUSED, "the URL has no fragment");
        return uri;
    }

    private static List<String> eventTypes(List<String> types) {
        BookingException.require(types != null && !types.isEmpty(), ErrorCode.VALIDATION_FAILED,
                "eventTypes is required: public event types of /api/v1/events/catalogue");
        Set<String> chosen = new LinkedHashSet<>();
        for (String type : types) {
            String name = type == null ? "" : type.strip();
            PublicEventType.of(name).orElseThrow(() -> new BookingException(ErrorCode.UNKNOWN_EVENT_TYPE,
                    "no public event type '" + name + "'; see /api/v1/events/catalogue"));
            chosen.add(name);
        }
        return new ArrayList<>(chosen);
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        BookingException.require(description.length() <= MAX_DESCRIPTION, ErrorCode.VALIDATION_FAILED,
                "description is at most " + MAX_DESCRIPTION + " characters");
        return description.strip();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("subscription_id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("url"), Arrays.asList(rs.getString("event_types").split(" ")), rs.getString("description"),
                rs.getString("secret"), rs.getObject("rotation_id", UUID.class), rs.getString("previous_secret"),
                instant(rs.getTimestamp("previous_expires_at")), rs.getString("state"), rs.getLong("from_position"),
                instant(rs.getTimestamp("disabled_at")), rs.getString("disabled_reason"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
