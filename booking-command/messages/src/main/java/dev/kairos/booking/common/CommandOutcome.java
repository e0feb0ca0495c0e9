package dev.kairos.booking.common;

/**
 * What a handled command reports back: the aggregate that decided, the sequence number of its last event (for
 * read-your-writes), the revision of the entity the command addressed (for ETags) and, for changes a policy
 * charges for, the fee due ({@code null} if none).
 */
public record CommandOutcome(String aggregateId, long sequence, long revision, Money feeDue) {
    public CommandOutcome(String aggregateId, long sequence, long revision) {
        this(aggregateId, sequence, revision, null);
    }

    public CommandOutcome withFee(Money fee) {
        return new CommandOutcome(aggregateId, sequence, revision, fee);
    }
}
