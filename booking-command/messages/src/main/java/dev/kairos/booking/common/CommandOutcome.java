package dev.kairos.booking.common;

/**
 * What a handled command reports back: the aggregate that decided, the sequence number of its last event (for
 * read-your-writes) and the revision of the entity the command addressed (for ETags).
 */
public record CommandOutcome(String aggregateId, long sequence, long revision) {
}
