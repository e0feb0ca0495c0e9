package dev.kairos.booking.common;

import java.time.ZoneId;

/** Validation of IANA time-zone names. */
public final class Zones {
    private Zones() {
    }

    public static ZoneId require(String name) {
        BookingException.require(name != null && !name.isBlank(), ErrorCode.INVALID_TIME_ZONE, "time zone is required");
        BookingException.require(ZoneId.getAvailableZoneIds().contains(name), ErrorCode.INVALID_TIME_ZONE,
                () -> "unknown time zone " + name + "; use an IANA zone name such as Europe/Berlin");
        return ZoneId.of(name);
    }
}
