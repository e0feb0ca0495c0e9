package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

/**
 * Who an appointment is for. At least an email or a phone number is needed to reach them, except in the
 * {@linkplain #erased() erased} form that stands in for a customer whose personal data was erased.
 */
public record CustomerDetails(String name, String email, String phone) {
    /** The name that stands for an erased customer; no customer can be booked under it. */
    public static final String ERASED_NAME = "[erased]";

    public CustomerDetails {
        email = email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
        phone = phone == null ? null : phone.trim();
        if (!(ERASED_NAME.equals(name) && email == null && phone == null)) {
            BookingException.require(!ERASED_NAME.equals(name), ErrorCode.VALIDATION_FAILED,
                    "customer name " + ERASED_NAME + " is reserved");
            BookingException.require(name != null && !name.isBlank() && name.length() <= 200, ErrorCode.VALIDATION_FAILED,
                    "customer name must have 1 to 200 characters");
            BookingException.require(email != null || phone != null, ErrorCode.VALIDATION_FAILED,
                    "customer email or phone is required");
            BookingException.require(email == null || Contact.isEmail(email), ErrorCode.VALIDATION_FAILED,
                    "customer email is not valid");
            BookingException.require(phone == null || Contact.isPhone(phone), ErrorCode.VALIDATION_FAILED,
                    "customer phone must be in E.164 form, e.g. +4930123456");
        }
    }

    /** What is left of a customer whose personal data was erased: no name, email or phone. */
    public static CustomerDetails erased() {
        return new CustomerDetails(ERASED_NAME, null, null);
    }

    /** Whether this is the {@linkplain #erased() erased} form. */
    public boolean isErased() {
        return ERASED_NAME.equals(name) && email == null && phone == null;
    }
}
