package dev.kairos.booking.calendar;

/** scheduled → confirmed → completed / no-show; scheduled or confirmed → cancelled. */
public enum AppointmentStatus {
    SCHEDULED, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED;

    /** Whether the appointment still holds the staff member's time. */
    public boolean isLive() {
        return this == SCHEDULED || this == CONFIRMED;
    }

    public boolean canMoveTo(AppointmentStatus next) {
        return switch (next) {
            case CONFIRMED -> this == SCHEDULED;
            case COMPLETED, NO_SHOW -> this == CONFIRMED;
            case CANCELLED -> isLive();
            case SCHEDULED -> false;
        };
    }
}
