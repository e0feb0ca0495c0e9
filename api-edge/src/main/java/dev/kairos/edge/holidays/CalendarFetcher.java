package dev.kairos.edge.holidays;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an iCalendar file a client names by URL: http or https only, with connect and response timeouts, a size
 * cap, at most {@value #MAX_REDIRECTS} redirects (each checked again), and never from the engine's own network:
 * loopback, private, link-local, unique-local, carrier-grade NAT, multicast and unspecified addresses are refused
 * (loopback may be allowed by {@code kairos.holidays.import.allow-loopback}, for tests and local set-ups).
 *
 * <p>The host is resolved and checked before the request; a name that resolves differently moments later (DNS
 * rebinding) is not caught by this check alone: deployments that must rule it out add an egress proxy.
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
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new BookingException(ErrorCode.CALENDAR_URL_REFUSED, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BookingException(ErrorCode.CALENDAR_URL_REFUSED, "only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new BookingException(ErrorCode.CALENDAR_URL_REFUSED, "the URL needs a host and no user information");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BookingException(ErrorCode.CALENDAR_UNREACHABLE, "unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new BookingException(ErrorCode.CALENDAR_URL_REFUSED,
                        "calendars are not fetched from private or local addresses (" + uri.getHost() + ")");
            }
        }
        return uri;
    }

    private boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return !allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
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
