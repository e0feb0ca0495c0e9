package dev.kairos.booking.series;

/** What booking a series does when some occurrences are not free. */
public enum SeriesMode {
    /** Any occurrence that cannot be booked rejects the whole series; nothing is stored. */
    ALL_OR_NOTHING,
    /** The free occurrences are booked, the others skipped and reported. */
    FREE_ONES
}
