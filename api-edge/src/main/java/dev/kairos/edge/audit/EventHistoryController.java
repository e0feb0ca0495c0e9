package dev.kairos.edge.audit;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.ActingFor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The recorded history of the business's aggregates: every event, with who caused it and from where. */
@RestController
class EventHistoryController {
    static final int MAX_PAGE = 500;

    private final EventHistory history;

    EventHistoryController(EventHistory history) {
        this.history = history;
    }

    record Page(List<EventHistory.RecordedEvent> items, long next) {
    }

    /** The aggregate's events after sequence {@code after} (-1: from its first), oldest first. */
    @GetMapping("/api/v1/audit/{aggregateType}/{aggregateId}/events")
    ResponseEntity<Page> events(@PathVariable String aggregateType, @PathVariable String aggregateId, @ActingFor UUID businessId,
                                @RequestParam(defaultValue = "-1") long after, @RequestParam(defaultValue = "100") int limit) {
        BookingException.require(limit >= 1 && limit <= MAX_PAGE, ErrorCode.INVALID_VALUE, "limit must be between 1 and " + MAX_PAGE);
        BookingException.require(after >= -1, ErrorCode.INVALID_VALUE, "after is a sequence number, -1 or more");
        List<EventHistory.RecordedEvent> items = history.after(EventHistory.AggregateType.of(aggregateType), aggregateId,
                new BusinessId(businessId), after, limit);
        return ResponseEntity.ok(new Page(items, items.isEmpty() ? after : items.get(items.size() - 1).sequence()));
    }
}
