package dev.kairos.booking.series;

import java.time.Instant;
import java.time.LocalDateTime;

/** One expanded occurrence of a recurrence rule: its position, its wall-clock start and the instant it resolves to. */
public record Occurrence(int index, LocalDateTime localStart, Instant start) {
}
