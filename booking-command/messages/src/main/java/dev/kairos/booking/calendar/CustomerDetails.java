package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

/** Who an appointment is for. At least an email or a phone number is needed to reach them. */
public record CustomerDetails(String name, String email, String phone) {
    public CustomerDetails {
        email = email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
        phone = phone == null ? null : phone.trim();
        BookingException.require(name != null && !name.isBlank() && name.length() <= 200, ErrorCode.VALIDATION_FAILED,
                "customer name must have 1 to 200 characters");
        BookingException.require(email != null || phone != null, ErrorCode.VALIDATION_FAILED,
                "customer email or phone is required");
        BookingException.require(email == null || Contact.isEmail(email), ErrorCode.VALIDATION_FAILED, "customer email is not valid");
        BookingException.require(phone == null || Contact.isPhone(phone), ErrorCode.VALIDATION_FAILED,
                "customer phone must be in E.164 form, e.g. +4930123456");
    }
}
