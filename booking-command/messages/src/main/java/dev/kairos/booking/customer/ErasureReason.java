package dev.kairos.booking.customer;

/** Why a customer's personal data was erased. */
public enum ErasureReason {
    /** The customer (or the business for them) asked for it. */
    REQUESTED,
    /** The business's retention period passed without activity. */
    RETENTION
}
