package dev.kairos.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/**
 * Where the booking load lands, for the engine and the JDBC baseline alike: a random staff member, a random day
 * among the next {@code days} days (UTC, from tomorrow) and a random 30-minute slot between 08:00 and 20:00.
 */
final class SlotPattern {
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(20, 0);
    static final Duration LENGTH = Duration.ofMinutes(30);
    private static final int SLOTS_PER_DAY = (int) (Duration.between(OPENS, CLOSES).toMinutes() / LENGTH.toMinutes());

    record Slot(int staff, Instant start) {
        Instant end() {
            return start.plus(LENGTH);
        }
    }

    private final int staffCount;
    private final int days;
    private final Instant firstOpening;

    SlotPattern(int staffCount, int days, LocalDate today) {
        this.staffCount = staffCount;
        this.days = days;
        this.firstOpening = today.plusDays(1).atTime(OPENS).toInstant(ZoneOffset.UTC);
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** How many bookings fit: every slot of every staff member on every day. */
    long capacity() {
        return (long) staffCount * days * SLOTS_PER_DAY;
    }

    Slot next(RandomGenerator random) {
        Instant start = firstOpening.plus(Duration.ofDays(random.nextInt(days)))
                .plus(LENGTH.multipliedBy(random.nextInt(SLOTS_PER_DAY)));
        return new Slot(random.nextInt(staffCount), start);
    }
}
