package dev.kairos.booking.calendar;

import java.util.regex.Pattern;

/** Syntactic checks for contact details. */
public final class Contact {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private Contact() {
    }

    public static boolean isEmail(String value) {
        return value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    public static boolean isPhone(String value) {
        return PHONE.matcher(value).matches();
    }
}
