package dev.kairos.booking.common;

import java.util.List;

/**
 * The staff member is not free at the requested time. Carries the nearest free slots as the calendar saw them
 * when it decided, so a client can offer them without a stale read.
 */
public class SlotUnavailableException extends BookingException {
    private final StaffId staffId;
    private final List<TimeSlot> alternatives;

    public SlotUnavailableException(String detail, StaffId staffId, List<TimeSlot> alternatives) {
        super(ErrorCode.SLOT_UNAVAILABLE, detail);
        this.staffId = staffId;
        this.alternatives = List.copyOf(alternatives);
    }

    public StaffId staffId() {
        return staffId;
    }

    public List<TimeSlot> alternatives() {
        return alternatives;
    }
}
