package dev.kairos.booking.calendar;

/** Who asked for a change of an appointment: the customer (policies apply) or the business. */
public enum Initiator {
    CUSTOMER,
    BUSINESS
}
