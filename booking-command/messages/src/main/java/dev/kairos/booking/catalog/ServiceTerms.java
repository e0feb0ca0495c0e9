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
 * @param customerLimit  at most this many bookings per customer per period; {@code null} is no limit
 * @param capacity       seats of one session: customers who may share a slot (1: one at a time)
 * @param changePolicy   when and at what fee customers may cancel or reschedule; {@link ChangePolicy#NONE} if absent
 */
public record ServiceTerms(String name, String description, Duration duration, Money price,
                           Duration bufferBefore, Duration bufferAfter, Duration slotInterval,
                           Duration minimumNotice, int maxAdvanceDays, CustomerLimit customerLimit, Integer capacity,
                           ChangePolicy changePolicy) {
    public static final Duration LONGEST = Duration.ofHours(24);
    /** Most seats one group session may have. */
    public static final int LARGEST_GROUP = 500;

    /** Terms of a service for one customer at a time. */
    public ServiceTerms(String name, String description, Duration duration, Money price, Duration bufferBefore,
                        Duration bufferAfter, Duration slotInterval, Duration minimumNotice, int maxAdvanceDays,
                        CustomerLimit customerLimit) {
        this(name, description, duration, price, bufferBefore, bufferAfter, slotInterval, minimumNotice, maxAdvanceDays,
                customerLimit, 1, ChangePolicy.NONE);
    }

    /** Terms without change restrictions. */
    public ServiceTerms(String name, String description, Duration duration, Money price, Duration bufferBefore,
                        Duration bufferAfter, Duration slotInterval, Duration minimumNotice, int maxAdvanceDays,
                        CustomerLimit customerLimit, Integer capacity) {
        this(name, description, duration, price, bufferBefore, bufferAfter, slotInterval, minimumNotice, maxAdvanceDays,
                customerLimit, capacity, ChangePolicy.NONE);
    }

    /** Terms of a service for one customer at a time, without a customer limit. */
    public ServiceTerms(String name, String description, Duration duration, Money price, Duration bufferBefore,
                        Duration bufferAfter, Duration slotInterval, Duration minimumNotice, int maxAdvanceDays,
                        ChangePolicy changePolicy) {
        this(name, description, duration, price, bufferBefore, bufferAfter, slotInterval, minimumNotice, maxAdvanceDays,
                null, 1, changePolicy);
    }

    public ServiceTerms {
        capacity = capacity == null ? Integer.valueOf(1) : capacity;
        BookingException.require(capacity >= 1 && capacity <= LARGEST_GROUP, ErrorCode.INVALID_LIMIT,
                "capacity must be between 1 and " + LARGEST_GROUP + " seats");
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

    /** Whether several customers share one slot, each with a seat of their own. */
    public boolean isGroup() {
        return capacity > 1;
    }

    /** How long the staff member is blocked by one appointment of this service. */
    public Duration blockedLength() {
        return bufferBefore.plus(duration).plus(bufferAfter);
    }
}
