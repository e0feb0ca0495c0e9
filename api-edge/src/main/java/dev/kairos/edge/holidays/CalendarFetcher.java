package dev.kairos.edge.holidays;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.support.OutboundUrls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an iCalendar file a client names by URL: http or https only, with connect and response timeouts, a size
 * cap, at most {@value #MAX_REDIRECTS} redirects (each checked again), and never from the engine's own network
 * ({@link OutboundUrls}; loopback may be allowed by {@code kairos.holidays.import.allow-loopback}, for tests and
 * local set-ups).
 */
@Component
class CalendarFetcher {
    static final int MAX_REDIRECTS = 3;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;
    private final boolean allowLoopback;

    CalendarFetcher(@Value("${kairos.holidays.import.timeout:10s}") Duration timeout,
                    @Value("${kairos.holidays.import.max-bytes:1048576}") int maxBytes,
                    @Value("${kairos.holidays.import.allow-loopback:false}") boolean allowLoopback) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowLoopback = allowLoopback;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The text at {@code url}, decoded as UTF-8 (RFC 5545's charset). */
    String fetch(String url) {
        URI target = check(url);
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = send(target);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                if (hop >= MAX_REDIRECTS) {
                    throw new BookingException(ErrorCode.CALENDAR_UNREACHABLE, "more than " + MAX_REDIRECTS + " redirects");
                }
                target = check(target.resolve(response.headers().firstValue("Location").get()).toString());
                continue;
            }
            if (status != 200) {
                throw new BookingException(ErrorCode.CALENDAR_UNREACHABLE, "the calendar's server answered " + status);
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    /** The URL, if it is absolute http(s) to a host outside the engine's own network. */
    URI check(String url) {
        return OutboundUrls.check(url, allowLoopback, "calendars", ErrorCode.CALENDAR_URL_REFUSED, ErrorCode.CALENDAR_UNREACHABLE);
    }

    /** One request, headers and body within the timeout, the body cut off past the size cap. */
    private HttpResponse<byte[]> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "text/calendar, */*;q=0.5").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new CappedBody(maxBytes));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new BookingException(ErrorCode.CALENDAR_UNREACHABLE, "the calendar did not arrive within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BookingException rejection) {
                throw rejection;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BookingException(ErrorCode.CALENDAR_UNREACHABLE, "the calendar could not be fetched: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingException(ErrorCode.CALENDAR_UNREACHABLE, "interrupted while fetching the calendar");
        }
    }

    /** Collects a response body up to a number of bytes; past it, stops reading and fails. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    body.completeExceptionally(new BookingException(ErrorCode.INVALID_CALENDAR,
                            "the calendar is larger than " + maxBytes + " bytes"));
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
