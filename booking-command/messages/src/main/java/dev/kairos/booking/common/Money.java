package dev.kairos.booking.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in an ISO-4217 currency, kept at the currency's precision. */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = Currencies.require(currency);
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BookingException.require(amount.signum() >= 0, ErrorCode.INVALID_MONEY, "amount must not be negative");
        BigDecimal given = amount;
        String code = currency;
        BookingException.require(amount.stripTrailingZeros().scale() <= Math.max(digits, 0), ErrorCode.INVALID_MONEY,
                () -> "amount " + given.toPlainString() + " has more decimals than " + code + " allows");
        amount = amount.setScale(Math.max(digits, 0));
    }
}
