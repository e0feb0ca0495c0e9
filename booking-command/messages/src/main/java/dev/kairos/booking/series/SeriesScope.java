package dev.kairos.booking.series;

/** Which occurrences of a series a change addresses. Occurrences that already started are never changed. */
public enum SeriesScope {
    /** The named occurrence only. */
    ONE,
    /** The named occurrence and every later one. */
    THIS_AND_FOLLOWING,
    /** Every occurrence that has not started yet. */
    ALL
}
