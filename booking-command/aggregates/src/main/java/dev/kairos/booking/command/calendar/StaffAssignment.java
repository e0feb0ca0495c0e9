package dev.kairos.booking.command.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.SlotUnavailableException.Offer;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who gets a booking made "with any staff member": the order in which candidates are asked, and what to answer when
 * none of them could take it. Candidates are asked in turn; the calendar of each decides for itself.
 */
final class StaffAssignment {
    /** Alternatives offered when no candidate can take the slot: this many distinct slots nearest to the wanted start. */
    static final int ALTERNATIVE_SLOTS = 3;

    private StaffAssignment() {
    }

    /** A staff member who provides the service: their live appointments that day and their latest assignment. */
    record Candidate(StaffId staffId, int appointmentsThatDay, long lastAssigned) {
    }

    /** Fewest live appointments that day first, then least recently assigned (round robin), then staff id. */
    static final Comparator<Candidate> POLICY = Comparator.comparingInt(Candidate::appointmentsThatDay)
            .thenComparingLong(Candidate::lastAssigned)
            .thenComparing(c -> c.staffId().id());

    static List<StaffId> order(List<Candidate> candidates) {
        return candidates.stream().sorted(POLICY).map(Candidate::staffId).toList();
    }

    /**
     * Every candidate refused. When all refused for the same reason that is not about their time (minimum notice,
     * outside everyone's hours, ...), that reason is the answer; otherwise the slot is unavailable, with the free slots
     * nearest to the wanted start that the refusing calendars offered, each naming its staff member.
     */
    static BookingException noneCouldTake(List<BookingException> refusals, Instant wanted) {
        Set<ErrorCode> codes = refusals.stream().map(BookingException::errorCode).collect(Collectors.toSet());
        if (codes.size() == 1 && !codes.contains(ErrorCode.SLOT_UNAVAILABLE)) {
            return refusals.get(0);
        }
        List<Offer> offers = refusals.stream()
                .filter(SlotUnavailableException.class::isInstance)
                .flatMap(e -> ((SlotUnavailableException) e).offers().stream())
                .sorted(Comparator.comparing((Offer o) -> Duration.between(o.slot().start(), wanted).abs())
                        .thenComparing(o -> o.slot().start())
                        .thenComparing(o -> o.staffId().id()))
                .toList();
        Set<TimeSlot> nearest = offers.stream().map(Offer::slot).distinct().limit(ALTERNATIVE_SLOTS)
                .collect(Collectors.toSet());
        return new SlotUnavailableException("no staff member who provides the service can take " + wanted,
                offers.stream().filter(o -> nearest.contains(o.slot())).toList());
    }
}
