package dev.kairos.booking.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "10,       EUR, 10.00",
            "10.5,     EUR, 10.50",
            "10.50,    EUR, 10.50",
            "10.500,   EUR, 10.50",
            "0,        EUR, 0.00",
            "0.01,     EUR, 0.01",
            "1E+3,     EUR, 1000.00",
            "1500,     JPY, 1500",
            "1500.00,  JPY, 1500",
            "1.234,    BHD, 1.234",
            "1.2,      BHD, 1.200",
            "7,        XAU, 7",
            "99.99,    USD, 99.99",
    })
    void normalisesToTheCurrencyPrecision(String amount, String currency, String expected) {
        Money money = new Money(new BigDecimal(amount), currency);
        assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(money.amount().scale()).isEqualTo(new BigDecimal(expected).scale());
        assertThat(money.currency()).isEqualTo(currency);
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqualMoney() {
        assertThat(new Money(new BigDecimal("10"), "EUR")).isEqualTo(new Money(new BigDecimal("10.00"), "EUR"));
        assertThat(new Money(new BigDecimal("10"), "EUR")).isNotEqualTo(new Money(new BigDecimal("10"), "USD"));
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(new Money(new BigDecimal("-0.00"), "EUR").amount()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "{0} {1} is rejected")
    @CsvSource({
            "-0.01,  EUR",
            "-1,     JPY",
            "10.555, EUR",
            "0.001,  USD",
            "1.5,    JPY",
            "1.2345, BHD",
            "1.5,    XAU",
    })
    void rejectsNegativeAmountsAndTooManyDecimals(String amount, String currency) {
        assertThatThrownBy(() -> new Money(new BigDecimal(amount), currency))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_MONEY);
    }

    @ParameterizedTest(name = "currency \"{0}\" is rejected")
    @NullSource
    @ValueSource(strings = {"", "eur", "Eur", "EU", "EURO", "XYZ", "E1R", " EUR", "€"})
    void rejectsInvalidCurrencies(String currency) {
        assertThatThrownBy(() -> new Money(BigDecimal.TEN, currency))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_MONEY);
    }

    @Test
    void nullAmountIsAProgrammingError() {
        assertThatThrownBy(() -> new Money(null, "EUR")).isInstanceOf(NullPointerException.class);
    }
}
