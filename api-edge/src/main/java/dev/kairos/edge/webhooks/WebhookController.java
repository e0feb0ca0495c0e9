package dev.kairos.edge.webhooks;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A business's webhook subscriptions, their deliveries with every attempt, manual redelivery, and the notices about
 * them. The signing secret is in the answers of creation and rotation only; those answers are not stored for
 * {@code Idempotency-Key} replay: the key instead names the subscription (or the rotation), so a retry answers the
 * same subscription and secret without making another.
 */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/webhooks")
class WebhookController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Notices notices;
    private final IdGenerator ids;
    private final Clock clock;

    WebhookController(Subscriptions subscriptions, Deliveries deliveries, Notices notices, IdGenerator ids, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.notices = notices;
        this.ids = ids;
        this.clock = clock;
    }

    record NewWebhook(String url, List<String> eventTypes, String description) {
    }

    record WebhookChange(String url, List<String> eventTypes, String description) {
    }

    record WebhookView(UUID id, String url, List<String> eventTypes, String description, String state, Instant disabledAt,
                       String disabledReason, Instant createdAt, Instant updatedAt, Instant previousSecretValidUntil) {
        static WebhookView of(Subscriptions.Subscription s, Instant now) {
            Instant grace = s.previousExpiresAt() != null && s.previousExpiresAt().isAfter(now) ? s.previousExpiresAt() : null;
            return new WebhookView(s.id(), s.url(), s.eventTypes(), s.description(), s.state().toLowerCase(Locale.ROOT), s.disabledAt(),
                    s.disabledReason(), s.createdAt(), s.updatedAt(), grace);
        }
    }

    /** @param secret the signing secret, shown in this answer and in a rotation's only */
    record CreatedWebhook(UUID id, String url, List<String> eventTypes, String description, String state, Instant createdAt,
                          String secret) {
    }

    record RotatedSecret(UUID id, String secret, Instant previousSecretValidUntil) {
    }

    record DeliveryView(UUID id, String eventId, String eventType, long position, String state, int attempts,
                        Instant nextAttemptAt, Instant createdAt, Instant lastAttemptAt, Instant deliveredAt) {
        static DeliveryView of(Deliveries.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.position(), d.state().toLowerCase(Locale.ROOT), d.attempts(),
                    d.state().equals(Deliveries.PENDING) ? d.nextAttemptAt() : null, d.createdAt(), d.lastAttemptAt(), d.deliveredAt());
        }
    }

    record DeliveryLog(DeliveryView delivery, JsonNode event, List<Deliveries.Attempt> attempts) {
    }

    @PostMapping
    ResponseEntity<CreatedWebhook> create(@PathVariable UUID businessId, @RequestBody NewWebhook request, HttpServletRequest http) {
        UUID id = ids.forKey(IdempotencyFilter.scopeOf(http) + "|webhooks", http.getHeader(IdempotencyFilter.HEADER));
        Subscriptions.Subscription s = subscriptions.create(id, businessId, request.url(), request.eventTypes(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + businessId + "/webhooks/" + s.id()))
                .body(new CreatedWebhook(s.id(), s.url(), s.eventTypes(), s.description(), s.state().toLowerCase(Locale.ROOT),
                        s.createdAt(), s.secret()));
    }

    @GetMapping
    List<WebhookView> list(@PathVariable UUID businessId) {
        Instant now = clock.instant();
        return subscriptions.list(businessId).stream().map(s -> WebhookView.of(s, now)).toList();
    }

    @GetMapping("/{webhookId}")
    WebhookView get(@PathVariable UUID businessId, @PathVariable UUID webhookId) {
        return WebhookView.of(subscriptions.get(businessId, webhookId), clock.instant());
    }

    @PutMapping("/{webhookId}")
    WebhookView update(@PathVariable UUID businessId, @PathVariable UUID webhookId, @RequestBody WebhookChange change) {
        return WebhookView.of(subscriptions.update(businessId, webhookId, change.url(), change.eventTypes(), change.description()),
                clock.instant());
    }

    @DeleteMapping("/{webhookId}")
    ResponseEntity<Void> delete(@PathVariable UUID businessId, @PathVariable UUID webhookId) {
        subscriptions.delete(businessId, webhookId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{webhookId}/rotate-secret")
    RotatedSecret rotate(@PathVariable UUID businessId, @PathVariable UUID webhookId, HttpServletRequest http) {
        UUID rotation = ids.forKey(IdempotencyFilter.scopeOf(http) + "|rotate|" + webhookId, http.getHeader(IdempotencyFilter.HEADER));
        Subscriptions.Subscription s = subscriptions.rotate(businessId, webhookId, rotation);
        return new RotatedSecret(s.id(), s.secret(), s.previousExpiresAt());
    }

    /** Enables the subscription again; enabling an enabled one changes nothing. */
    @PostMapping("/{webhookId}/enable")
    WebhookView enable(@PathVariable UUID businessId, @PathVariable UUID webhookId) {
        return WebhookView.of(subscriptions.enable(businessId, webhookId), clock.instant());
    }

    /** The subscription's deliveries, newest first; {@code state} one of pending, delivered, failed. */
    @GetMapping("/{webhookId}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID businessId, @PathVariable UUID webhookId,
                                  @RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit) {
        subscriptions.get(businessId, webhookId);
        BookingException.require(limit >= 1 && limit <= Deliveries.MAX_LIST, ErrorCode.INVALID_VALUE,
                "limit must be between 1 and " + Deliveries.MAX_LIST);
        String wanted = state == null ? null : state.toUpperCase(Locale.ROOT);
        BookingException.require(wanted == null || List.of(Deliveries.PENDING, Deliveries.DELIVERED, Deliveries.FAILED).contains(wanted),
                ErrorCode.INVALID_VALUE, "state is one of pending, delivered, failed");
        return deliveries.list(businessId, webhookId, wanted, limit).stream().map(DeliveryView::of).toList();
    }

    /** A delivery with the event it sends and every attempt (the delivery log). */
    @GetMapping("/{webhookId}/deliveries/{deliveryId}")
    DeliveryLog delivery(@PathVariable UUID businessId, @PathVariable UUID webhookId, @PathVariable UUID deliveryId) {
        Deliveries.Delivery d = deliveries.get(businessId, webhookId, deliveryId);
        return new DeliveryLog(DeliveryView.of(d), JSON.readTree(d.payload()), deliveries.attempts(d.id()));
    }

    /** Sends the delivery again now (an extra attempt, whatever its state); 409 while the subscription is disabled. */
    @PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<DeliveryView> redeliver(@PathVariable UUID businessId, @PathVariable UUID webhookId, @PathVariable UUID deliveryId) {
        Subscriptions.Subscription s = subscriptions.get(businessId, webhookId);
        deliveries.get(businessId, webhookId, deliveryId);
        BookingException.require(s.enabled(), ErrorCode.WEBHOOK_DISABLED, "the webhook is disabled: enable it first");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(deliveries.redeliver(businessId, webhookId, deliveryId)));
    }

    /** What the business was told about its webhooks (automatic disablings), newest first. */
    @GetMapping("/notices")
    List<Notices.Notice> notices(@PathVariable UUID businessId) {
        return notices.list(businessId);
    }
}
