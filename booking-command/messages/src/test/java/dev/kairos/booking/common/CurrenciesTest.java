package dev.kairos.booking.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "JPY", "CHF", "AUD", "CLP", "BHD", "XAU"})
    void acceptsKnownIsoCodes(String code) {
        assertThat(Currencies.require(code)).isEqualTo(code);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "eur", "usd", "Usd", "EU", "EURO", "E U", "E1R", "123", "EUR ", " EUR", "XYZ", "AAA", "QQQ"})
    void rejectsMalformedOrUnknownCodes(String code) {
        assertThatThrownBy(() -> Currencies.require(code))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_MONEY);
    }
}
