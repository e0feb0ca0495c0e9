package dev.kairos.booking.waitlist;

import java.util.Objects;
import java.util.UUID;

/** Identifies one customer's place on a waitlist. */
public record WaitlistEntryId(UUID id) {
    public WaitlistEntryId {
        Objects.requireNonNull(id, "waitlist entry id");
    }

    public static WaitlistEntryId of(String value) {
        return new WaitlistEntryId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static WaitlistEntryId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
