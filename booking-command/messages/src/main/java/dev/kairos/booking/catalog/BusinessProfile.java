package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.Currencies;
import dev.kairos.booking.common.ErrorCode;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/** What a business says about itself: name, home time zone, default currency and free-form settings. */
public record BusinessProfile(String name, ZoneId zone, String currency, Map<String, String> settings) {
    public BusinessProfile {
        BookingException.require(name != null && !name.isBlank() && name.length() <= 200, ErrorCode.VALIDATION_FAILED,
                "business name must have 1 to 200 characters");
        Objects.requireNonNull(zone, "zone");
        currency = Currencies.require(currency);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        BookingException.require(settings.size() <= 100, ErrorCode.VALIDATION_FAILED, "at most 100 settings");
    }
}
