package dev.kairos.booking.series;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.util.List;

/** A series decision that must be all-or-nothing found occurrences that cannot be booked or moved. */
public class SeriesConflictException extends BookingException {
    private final List<OccurrenceOutcome> conflicts;

    public SeriesConflictException(String detail, List<OccurrenceOutcome> conflicts) {
        super(ErrorCode.SERIES_CONFLICT, detail);
        this.conflicts = List.copyOf(conflicts);
    }

    public List<OccurrenceOutcome> conflicts() {
        return conflicts;
    }
}
