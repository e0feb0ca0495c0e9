package dev.kairos.edge.feed;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open live streams of public events. One timer serves them all: every {@code pollInterval} it settles the
 * store's position once and sends each stream the events of its business between its position and that one, a
 * heartbeat comment when it has been quiet for {@code heartbeat}, and ends the streams whose time is up.
 */
@Component
class EventStreams {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int BATCH = 500;
    private final EventFeed feed;
    private final SettledPosition settled;
    private final FeedProperties properties;
    private final Map<UUID, Set<Stream>> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kairos-event-streams");
        thread.setDaemon(true);
        return thread;
    });

    EventStreams(EventFeed feed, SettledPosition settled, FeedProperties properties) {
        this.feed = feed;
        this.settled = settled;
        this.properties = properties;
        long interval = properties.pollInterval().toNanos();
        timer.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.NANOSECONDS);
    }

    private final class Stream {
        final UUID businessId;
        final List<String> sourceTypes;
        final SseEmitter emitter;
        final long endsAt;
        long position;
        long lastSent = System.nanoTime();

        Stream(UUID businessId, List<String> sourceTypes, long position, Duration duration) {
            this.businessId = businessId;
            this.sourceTypes = sourceTypes;
            this.position = position;
            this.endsAt = System.nanoTime() + duration.toNanos();
            // the servlet container's own limit stays out of the way: the stream ends itself at endsAt
            this.emitter = new SseEmitter(duration.plus(properties.heartbeat()).plusSeconds(30).toMillis());
        }
    }

    /** Opens a stream of the business's public events after {@code position}, for {@code duration}. */
    SseEmitter open(UUID businessId, List<String> sourceTypes, long position, Duration duration) {
        Stream stream = new Stream(businessId, sourceTypes, position, duration);
        Set<Stream> ofBusiness = open.computeIfAbsent(businessId, id -> ConcurrentHashMap.newKeySet());
        synchronized (ofBusiness) {
            BookingException.require(ofBusiness.size() < properties.streamsPerBusiness(), ErrorCode.TOO_MANY_STREAMS,
                    "the business has " + properties.streamsPerBusiness() + " event streams open already");
            ofBusiness.add(stream);
        }
        stream.emitter.onCompletion(() -> close(stream));
        stream.emitter.onTimeout(() -> close(stream));
        stream.emitter.onError(e -> close(stream));
        timer.execute(() -> serve(stream, settled.current()));
        return stream.emitter;
    }

    int openStreams(UUID businessId) {
        return open.getOrDefault(businessId, Set.of()).size();
    }

    private void tick() {
        try {
            if (open.values().stream().allMatch(Set::isEmpty)) {
                return;
            }
            long upTo = settled.current();
            open.values().forEach(streams -> List.copyOf(streams).forEach(stream -> serve(stream, upTo)));
        } catch (RuntimeException e) {
            log.warn("event streams could not look for new events", e);
        }
    }

    private void serve(Stream stream, long upTo) {
        try {
            boolean more = true;
            while (more && stream.position < upTo) {
                EventFeed.Page page = feed.read(stream.businessId, stream.position, BATCH, stream.sourceTypes, upTo);
                for (PublicEvents.Published event : page.events()) {
                    stream.emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.type().type())
                            .data(event.cloudEvent().toString(), MediaType.APPLICATION_JSON));
                    stream.lastSent = System.nanoTime();
                }
                more = page.events().size() == BATCH;
                stream.position = more ? page.next() : upTo;
            }
            long now = System.nanoTime();
            if (now - stream.endsAt >= 0) {
                close(stream);
                stream.emitter.complete();
            } else if (now - stream.lastSent >= properties.heartbeat().toNanos()) {
                stream.emitter.send(SseEmitter.event().comment("heartbeat"));
                stream.lastSent = now;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; the servlet container ends the request itself
            close(stream);
        } catch (RuntimeException e) {
            log.warn("event stream of business {} failed", stream.businessId, e);
            close(stream);
            stream.emitter.completeWithError(e);
        }
    }

    private void close(Stream stream) {
        Set<Stream> ofBusiness = open.get(stream.businessId);
        if (ofBusiness != null) {
            synchronized (ofBusiness) {
                ofBusiness.remove(stream);
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        open.values().forEach(streams -> List.copyOf(streams).forEach(stream -> {
            close(stream);
            stream.emitter.complete();
        }));
    }
}
