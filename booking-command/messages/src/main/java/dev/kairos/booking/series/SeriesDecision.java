package dev.kairos.booking.series;

import dev.kairos.booking.common.CommandOutcome;

import java.time.ZoneId;
import java.util.List;

/** What booking or previewing a series answers: the calendar's outcome and every occurrence's fate. */
public record SeriesDecision(CommandOutcome outcome, SeriesId seriesId, ZoneId zone, List<OccurrenceOutcome> occurrences) {
    public SeriesDecision {
        occurrences = List.copyOf(occurrences);
    }
}
