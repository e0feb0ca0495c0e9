package dev.kairos.booking.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Validation of IANA time-zone names. */
public final class Zones {
    private Zones() {
    }

    public static ZoneId require(String name) {
        BookingException.require(name != null && !name.isBlank(), ErrorCode.INVALID_TIME_ZONE, "time zone is required");
        try {
            ZoneId zone = ZoneId.of(name);
            BookingException.require(!(zone instanceof ZoneOffset) || "UTC".equals(name) || "Z".equals(name),
                    ErrorCode.INVALID_TIME_ZONE, "use an IANA zone name such as Europe/Berlin, not an offset: " + name);
            return zone;
        } catch (DateTimeException e) {
            throw new BookingException(ErrorCode.INVALID_TIME_ZONE, "unknown time zone " + name);
        }
    }
}
