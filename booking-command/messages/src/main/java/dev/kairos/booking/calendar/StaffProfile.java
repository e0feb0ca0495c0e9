package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.ZoneId;
import java.util.Objects;

/** Contact details and home time zone of a staff member; working hours are read in that zone. */
public record StaffProfile(String name, String email, String phone, ZoneId zone) {
    public StaffProfile {
        BookingException.require(name != null && !name.isBlank() && name.length() <= 200, ErrorCode.VALIDATION_FAILED,
                "staff name must have 1 to 200 characters");
        BookingException.require(email == null || Contact.isEmail(email), ErrorCode.VALIDATION_FAILED, "email is not valid");
        BookingException.require(phone == null || Contact.isPhone(phone), ErrorCode.VALIDATION_FAILED,
                "phone must be in E.164 form, e.g. +4930123456");
        Objects.requireNonNull(zone, "zone");
    }
}
