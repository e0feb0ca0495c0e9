package dev.kairos.booking.common;

import java.util.List;

/**
 * The staff member is not free at the requested time. Carries the nearest free slots as the calendar saw them
 * when it decided, so a client can offer them without a stale read. A booking with any staff member that no
 * candidate could take carries the offers of every candidate calendar, each naming its staff member.
 */
public class SlotUnavailableException extends BookingException {
    private final StaffId staffId;
    private final List<Offer> offers;

    /** A free slot and the staff member whose calendar offered it. */
    public record Offer(TimeSlot slot, StaffId staffId) {
    }

    public SlotUnavailableException(String detail, StaffId staffId, List<TimeSlot> alternatives) {
        super(ErrorCode.SLOT_UNAVAILABLE, detail);
        this.staffId = staffId;
        this.offers = alternatives.stream().map(slot -> new Offer(slot, staffId)).toList();
    }

    /** No single staff member decided: the offers come from several calendars. */
    public SlotUnavailableException(String detail, List<Offer> offers) {
        super(ErrorCode.SLOT_UNAVAILABLE, detail);
        this.staffId = null;
        this.offers = List.copyOf(offers);
    }

    /** The staff member who refused, or {@code null} when several did. */
    public StaffId staffId() {
        return staffId;
    }

    public List<TimeSlot> alternatives() {
        return offers.stream().map(Offer::slot).distinct().toList();
    }

    public List<Offer> offers() {
        return offers;
    }
}
