package dev.kairos.edge.feed;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The public event catalogue, a business's public events as pages, and as a live Server-Sent Events stream. */
@RestController
class FeedController {
    private final EventFeed feed;
    private final EventStreams streams;
    private final PublicEvents publicEvents;
    private final FeedProperties properties;

    FeedController(EventFeed feed, EventStreams streams, PublicEvents publicEvents, FeedProperties properties) {
        this.feed = feed;
        this.streams = streams;
        this.publicEvents = publicEvents;
        this.properties = properties;
    }

    record CatalogueEntry(String type, String description, String dataschema) {
    }

    record Catalogue(String specversion, List<CatalogueEntry> types) {
    }

    /** A public event at its position in the store (what {@code after} and {@code Last-Event-ID} name). */
    record Item(long position, ObjectNode event) {
    }

    record Page(List<Item> items, long next) {
    }

    @GetMapping("/api/v1/events/catalogue")
    Catalogue catalogue() {
        return new Catalogue(PublicEventType.SPEC_VERSION, Arrays.stream(PublicEventType.values())
                .map(t -> new CatalogueEntry(t.type(), t.description(), publicEvents.publicUrl() + PublicEventType.SCHEMAS + t.type()))
                .toList());
    }

    @GetMapping(value = "/api/v1/events/schemas/{type}", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> schema(@PathVariable String type) {
        PublicEventType found = PublicEventType.of(type).orElseThrow(() ->
                new BookingException(ErrorCode.EVENT_TYPE_NOT_FOUND, "no public event type " + type));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                .body(found.schema(publicEvents.publicUrl()).toString());
    }

    /** The business's public events after position {@code after}, oldest first. */
    @GetMapping("/api/v1/businesses/{businessId}/events")
    Page events(@PathVariable UUID businessId, @RequestParam(defaultValue = "0") long after,
                @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String types) {
        BookingException.require(limit >= 1 && limit <= EventFeed.MAX_PAGE, ErrorCode.INVALID_VALUE,
                "limit must be between 1 and " + EventFeed.MAX_PAGE);
        BookingException.require(after >= 0, ErrorCode.INVALID_VALUE, "after is a position, 0 or more");
        EventFeed.Page page = feed.after(businessId, after, limit, PublicEvents.sourceTypes(types(types)));
        return new Page(page.events().stream().map(e -> new Item(e.position(), e.cloudEvent())).toList(), page.next());
    }

    /**
     * The business's public events as they are stored, after {@code Last-Event-ID} (or {@code after}), for
     * {@code duration} (at most, and by default, the configured longest stream).
     */
    @GetMapping(value = "/api/v1/businesses/{businessId}/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID businessId, @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(defaultValue = "0") long after, @RequestParam(required = false) String types,
                      @RequestParam(required = false) String duration) {
        long position = after;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                position = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw new BookingException(ErrorCode.INVALID_VALUE, "Last-Event-ID is a position: " + lastEventId);
            }
        }
        BookingException.require(position >= 0, ErrorCode.INVALID_VALUE, "the position to resume after is 0 or more");
        Duration open = properties.maxStreamDuration();
        if (duration != null) {
            try {
                open = Duration.parse(duration);
            } catch (DateTimeParseException e) {
                throw new BookingException(ErrorCode.INVALID_DURATION, "duration is ISO-8601, e.g. PT10M: " + duration);
            }
            BookingException.require(!open.isNegative() && open.compareTo(properties.maxStreamDuration()) <= 0,
                    ErrorCode.INVALID_DURATION, "duration is between PT0S and " + properties.maxStreamDuration());
        }
        return streams.open(businessId, PublicEvents.sourceTypes(types(types)), position, open);
    }

    private static Set<PublicEventType> types(String types) {
        Set<PublicEventType> chosen = new LinkedHashSet<>();
        if (types == null || types.isBlank()) {
            return chosen;
        }
        for (String type : types.split(",")) {
            chosen.add(PublicEventType.of(type.strip()).orElseThrow(() ->
                    new BookingException(ErrorCode.INVALID_VALUE, "no public event type " + type.strip()
                            + "; see /api/v1/events/catalogue")));
        }
        return chosen;
    }
}
