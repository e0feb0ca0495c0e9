package dev.kairos.booking.common;

import java.util.Currency;

/** Validation of ISO-4217 currency codes. */
public final class Currencies {
    private Currencies() {
    }

    public static String require(String code) {
        BookingException.require(code != null && code.matches("[A-Z]{3}"), ErrorCode.INVALID_MONEY,
                "currency must be an ISO-4217 code such as EUR");
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new BookingException(ErrorCode.INVALID_MONEY, "unknown currency " + code);
        }
    }
}
