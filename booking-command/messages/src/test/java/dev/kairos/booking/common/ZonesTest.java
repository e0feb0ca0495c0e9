package dev.kairos.booking.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago",
            "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Etc/UTC", "UTC", "GMT",
            "Etc/GMT+1", "Etc/GMT-14"})
    void acceptsIanaNames(String name) {
        assertThat(Zones.require(name)).isEqualTo(ZoneId.of(name));
    }

    @Test
    void rejectsZAlthoughJavaReadsItAsUtc() {
        assertThat(ZoneId.of("Z")).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(() -> Zones.require("Z"))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_ZONE);
    }

    @Test
    void etcGmtNamesKeepTheirPosixSign() {
        // IANA "Etc/GMT+1" is one hour BEHIND UTC
        assertThat(Zones.require("Etc/GMT+1").getRules().getOffset(java.time.Instant.EPOCH)).isEqualTo(ZoneOffset.ofHours(-1));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t", "Mars/Olympus_Mons", "europe/berlin", "Europe/Berlin ", " Europe/Berlin",
            "Europe/Berlin;", "Berlin", "CET+1", "UTC+5:30", "+01:00", "-05:00", "+0530", "+14", "01:00", "Z", "z",
            "+00:00", "utc"})
    void rejectsBlankUnknownAndOffsets(String name) {
        assertThatThrownBy(() -> Zones.require(name))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_ZONE);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"UTC+01:00", "GMT+1", "UT-05:00", "UTC+1", "UTC-05:00", "GMT+01:00", "GMT-0530", "UT+5",
            "UTC+00:00", "GMT+0", "UT", "Etc/GMT+01:00"})
    void rejectsPrefixedOffsets(String name) {
        assertThat(ZoneId.getAvailableZoneIds()).doesNotContain(name);
        assertThatThrownBy(() -> Zones.require(name))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_ZONE);
    }
}
