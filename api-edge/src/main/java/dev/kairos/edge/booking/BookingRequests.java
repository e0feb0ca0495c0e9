package dev.kairos.edge.booking;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the booking API. Instants are ISO-8601 with an offset. */
final class BookingRequests {
    static final int MAX_NOTES = 2000;
    static final int MAX_METADATA_ENTRIES = 20;

    private BookingRequests() {
    }

    record CustomerRequest(String name, String email, String phone) {
        CustomerDetails details() {
            return new CustomerDetails(name, email, phone);
        }
    }

    /** Without {@code staffId} the engine assigns a staff member (see {@code BookWithAnyStaff}). */
    record BookingRequest(UUID serviceId, UUID staffId, OffsetDateTime start, CustomerRequest customer, String notes,
                          Map<String, String> metadata) {
        void validate() {
            required(serviceId, "serviceId");
            required(start, "start");
            required(customer, "customer");
            validateNotesAndMetadata(notes, metadata);
        }
    }

    static void validateNotesAndMetadata(String notes, Map<String, String> metadata) {
        BookingException.require(notes == null || notes.length() <= MAX_NOTES, ErrorCode.VALIDATION_FAILED,
                "notes have at most " + MAX_NOTES + " characters");
        if (metadata != null) {
            BookingException.require(metadata.size() <= MAX_METADATA_ENTRIES, ErrorCode.VALIDATION_FAILED,
                    "at most " + MAX_METADATA_ENTRIES + " metadata entries");
            metadata.forEach((k, v) -> BookingException.require(k.length() <= 64 && v != null && v.length() <= 500,
                    ErrorCode.VALIDATION_FAILED, "metadata keys have at most 64 characters, values 1 to 500"));
        }
    }

    record RescheduleRequest(OffsetDateTime start, UUID staffId) {
        void validate() {
            required(start, "start");
        }
    }

    record CancelRequest(String reason) {
        String validReason() {
            BookingException.require(reason == null || reason.length() <= 500, ErrorCode.VALIDATION_FAILED,
                    "reason has at most 500 characters");
            return reason;
        }
    }

    static void required(Object value, String field) {
        BookingException.require(value != null, ErrorCode.VALIDATION_FAILED, field + " is required");
    }
}
