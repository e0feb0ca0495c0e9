package dev.kairos.edge.webhooks;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.support.OutboundUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends due deliveries: every {@code poll-interval} a node claims up to {@code batch-size} of them (never one another
 * node holds) and sends them on {@code senders} threads. Each request is the CloudEvent as stored, signed
 * ({@link Signatures}), to the subscription's URL after its host's addresses are checked again against the outbound
 * policy (a name may resolve elsewhere than when it was saved); redirects are not followed, and only a 2xx answer
 * counts as delivered. A failure is retried on the {@link RetrySchedule}; when the schedule is spent the delivery
 * fails, and the subscription is disabled with a notice to the business.
 */
@Component
class DeliveryWorker implements SmartLifecycle {
    static final String EVENT_ID = "Kairos-Event-Id";
    static final String EVENT_TYPE = "Kairos-Event-Type";
    static final String DELIVERY_ID = "Kairos-Delivery-Id";
    static final String DELIVERY_ATTEMPT = "Kairos-Delivery-Attempt";
    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR = 500;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final Notices notices;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final SecureRandom random;
    private final Clock clock;
    private final HttpClient http;
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;

    DeliveryWorker(Deliveries deliveries, Subscriptions subscriptions, Notices notices, WebhookProperties properties,
                   SecureRandom random, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.notices = notices;
        this.properties = properties;
        this.schedule = new RetrySchedule(properties.maxAttempts(), properties.retryBase(), properties.retryCap());
        this.random = random;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    RetrySchedule schedule() {
        return schedule;
    }

    /** Claims due deliveries and sends them, waiting until all are recorded. */
    void poll() {
        try {
            // a full batch suggests more are due: claim again at once (a bounded number of times per poll)
            for (int round = 0; round < 50; round++) {
                List<Deliveries.Delivery> claimed = deliveries.claim(properties.batchSize(), properties.claimLease());
                List<Future<?>> sent = new ArrayList<>();
                for (Deliveries.Delivery delivery : claimed) {
                    sent.add(senders.submit(() -> deliver(delivery)));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                if (claimed.size() < properties.batchSize()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("webhook deliveries could not be sent this time: {}", e.toString());
        }
    }

    private void deliver(Deliveries.Delivery delivery) {
        Optional<Subscriptions.Subscription> found = subscriptions.find(delivery.businessId(), delivery.subscriptionId());
        if (found.isEmpty()) {
            return;
        }
        Subscriptions.Subscription subscription = found.get();
        int attempt = delivery.attempts() + 1;
        boolean manual = delivery.manualDue();
        Deliveries.Outcome outcome = send(subscription, delivery, attempt);
        if (Thread.currentThread().isInterrupted()) {
            // the node is stopping: the attempt is not recorded, and the delivery goes to whichever node claims it
            // once its lease has run out
            return;
        }
        Instant now = clock.instant();
        Instant retryAt = null;
        boolean spent = false;
        if (!outcome.succeeded()) {
            if (manual) {
                boolean scheduleOver = delivery.deliveredAt() != null || delivery.retriesUsed() >= schedule.maxAttempts();
                retryAt = scheduleOver ? null : schedule.retryAt(Math.max(1, delivery.retriesUsed()), delivery.createdAt(), now, random);
            } else {
                int used = delivery.retriesUsed() + 1;
                spent = used >= schedule.maxAttempts();
                retryAt = spent ? null : schedule.retryAt(used, delivery.createdAt(), now, random);
            }
        }
        if (!deliveries.record(delivery, attempt, manual, outcome, retryAt, !manual)) {
            return;
        }
        if (spent) {
            String reason = "delivery " + delivery.id() + " of event " + delivery.eventId() + " failed " + schedule.maxAttempts()
                    + " times from " + delivery.createdAt() + " to " + outcome.startedAt() + " (last: "
                    + (outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error()) + ")";
            if (subscriptions.disable(subscription.id(), reason)) {
                notices.subscriptionDisabled(subscription, reason);
            }
        }
    }

    /** One attempt: the request, and what came of it. */
    Deliveries.Outcome send(Subscriptions.Subscription subscription, Deliveries.Delivery delivery, int attempt) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try {
            URI uri = URI.create(subscription.url());
            OutboundUrls.addresses(uri, subscriptions.policy(), subscriptions.resolver(), "webhooks", ErrorCode.WEBHOOK_URL_REFUSED,
                    ErrorCode.WEBHOOK_URL_UNREACHABLE);
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(properties.readTimeout())
                    .header("Content-Type", CONTENT_TYPE)
                    .header("User-Agent", "Kairos-Webhooks/1")
                    .header(Signatures.HEADER, Signatures.header(subscription.signingSecrets(started), started.getEpochSecond(), body))
                    .header(EVENT_ID, delivery.eventId())
                    .header(EVENT_TYPE, delivery.eventType())
                    .header(DELIVERY_ID, delivery.id().toString())
                    .header(DELIVERY_ATTEMPT, Integer.toString(attempt))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request,
                    info -> new Snippet(properties.responseSnippet() * 4));
            HttpResponse<byte[]> response;
            try {
                response = answer.get(properties.connectTimeout().plus(properties.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                return failed(started, t0, "no answer within " + properties.readTimeout());
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            String snippet = snippet(response.body());
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "redirects are not followed" : "the endpoint answered " + status;
            return new Deliveries.Outcome(started, millis(t0), status, error, snippet);
        } catch (BookingException refused) {
            return failed(started, t0, "not sent: " + refused.getMessage());
        } catch (HttpConnectTimeoutException e) {
            return failed(started, t0, "connect timeout after " + properties.connectTimeout());
        } catch (HttpTimeoutException e) {
            return failed(started, t0, "no answer within " + properties.readTimeout());
        } catch (IOException | IllegalArgumentException e) {
            return failed(started, t0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(started, t0, "interrupted");
        }
    }

    /**
     * Takes the first {@code limit} bytes of an answer and then stops reading it (the connection is dropped), so a
     * large or endless answer costs no more than its start.
     */
    static final class Snippet implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;

        Snippet(int limit) {
            this.limit = limit;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit && !body.isDone()) {
                subscription.cancel();
                body.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.complete(bytes.toByteArray());
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    private String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int limit = properties.responseSnippet();
        return text.length() > limit ? text.substring(0, limit) : text;
    }

    private static Deliveries.Outcome failed(Instant started, long t0, String error) {
        return new Deliveries.Outcome(started, millis(t0), null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, null);
    }

    private static long millis(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(properties.senders(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-poller");
            t.setDaemon(true);
            return t;
        });
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService p = poller;
        ExecutorService s = senders;
        poller = null;
        senders = null;
        if (p != null) {
            p.shutdownNow();
        }
        if (s != null) {
            s.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
