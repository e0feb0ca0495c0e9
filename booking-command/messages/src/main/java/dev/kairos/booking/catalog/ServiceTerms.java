package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.Durations;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;

import java.time.Duration;
import java.util.Objects;

/**
 * What a service is and how it may be booked.
 *
 * @param slotInterval   distance between offered slot starts
 * @param minimumNotice  earliest a slot may start, measured from now
 * @param maxAdvanceDays latest a slot may start, in days from now
 * @param changePolicy   when and at what fee customers may cancel or reschedule; {@link ChangePolicy#NONE} if absent
 */
public record ServiceTerms(String name, String description, Duration duration, Money price,
                           Duration bufferBefore, Duration bufferAfter, Duration slotInterval,
                           Duration minimumNotice, int maxAdvanceDays, ChangePolicy changePolicy) {
    public static final Duration LONGEST = Duration.ofHours(24);

    public ServiceTerms {
        BookingException.require(name != null && !name.isBlank() && name.length() <= 200, ErrorCode.VALIDATION_FAILED,
                "service name must have 1 to 200 characters");
        BookingException.require(description == null || description.length() <= 4000, ErrorCode.VALIDATION_FAILED,
                "description must have at most 4000 characters");
        Objects.requireNonNull(price, "price");
        Durations.requirePositive(duration, "duration", LONGEST);
        Durations.requireNonNegative(bufferBefore, "bufferBefore");
        Durations.requireNonNegative(bufferAfter, "bufferAfter");
        BookingException.require(bufferBefore.compareTo(LONGEST) <= 0 && bufferAfter.compareTo(LONGEST) <= 0,
                ErrorCode.INVALID_DURATION, "buffers must be at most " + LONGEST);
        Durations.requirePositive(slotInterval, "slotInterval", LONGEST);
        BookingException.require(slotInterval.toSeconds() >= 60 && slotInterval.toSecondsPart() == 0 && slotInterval.toNanosPart() == 0,
                ErrorCode.INVALID_DURATION, "slotInterval must be whole minutes");
        Durations.requireNonNegative(minimumNotice, "minimumNotice");
        BookingException.require(minimumNotice.compareTo(Duration.ofDays(366)) <= 0, ErrorCode.INVALID_DURATION,
                "minimumNotice must be at most 366 days");
        BookingException.require(maxAdvanceDays >= 1 && maxAdvanceDays <= 3660, ErrorCode.INVALID_DURATION,
                "maxAdvanceDays must be between 1 and 3660");
        changePolicy = changePolicy == null ? ChangePolicy.NONE : changePolicy;
        changePolicy.requireCurrencyOf(price);
    }

    /** How long the staff member is blocked by one appointment of this service. */
    public Duration blockedLength() {
        return bufferBefore.plus(duration).plus(bufferAfter);
    }
}
