package dev.kairos.booking.customer;

/** How a customer prefers to be reached about their appointments. */
public enum ContactChannel {
    EMAIL, SMS, NONE
}
