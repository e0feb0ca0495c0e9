package dev.kairos.edge.booking;

import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Zones;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the booking API. Instants are ISO-8601 with an offset. */
public final class BookingRequests {
    static final int MAX_NOTES = 2000;
    static final int MAX_METADATA_ENTRIES = 20;

    private BookingRequests() {
    }

    /** {@code timeZone}: optional, an IANA zone name; the appointment is then also stated in the customer's zone. */
    record CustomerRequest(String name, String email, String phone, String timeZone) {
        CustomerDetails details() {
            return requireNotErased(new CustomerDetails(name, email, phone));
        }

        ZoneId zone() {
            return timeZone == null ? null : Zones.require(timeZone);
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

    /**
     * Customer details a booking may carry: never the erased form, which only stands in for a customer whose data was
     * erased (without contact details the constructor would accept the reserved name as that form).
     */
    public static CustomerDetails requireNotErased(CustomerDetails customer) {
        BookingException.require(!customer.isErased(), ErrorCode.VALIDATION_FAILED,
                "customer name " + CustomerDetails.ERASED_NAME + " is reserved");
        return customer;
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

    /**
     * A business's decision to let a change through the policy. Who decided is the authenticated caller; the optional
     * {@value #ACTOR} header adds a label (a front-desk name) to the record.
     */
    public record OverrideRequest(String reason) {
    }

    /**
     * {@code initiatedBy}: "customer" when the business relays a customer's wish (the policy's fees and windows apply),
     * "business" (the default) otherwise.
     */
    record RescheduleRequest(OffsetDateTime start, UUID staffId, String initiatedBy, OverrideRequest override) {
        void validate() {
            required(start, "start");
        }
    }

    record CancelRequest(String reason, String initiatedBy, OverrideRequest override) {
        String validReason() {
            return BookingRequests.validReason(reason);
        }
    }

    /** A free-text label of who at the business decided an override, recorded beside the caller's identity. */
    public static final String ACTOR = "X-Actor";

    static String validReason(String reason) {
        BookingException.require(reason == null || reason.length() <= 500, ErrorCode.VALIDATION_FAILED,
                "reason has at most 500 characters");
        return reason;
    }

    /** A customer signed in with their own account always changes as the customer: the policy applies to them. */
    static Initiator initiator(String value) {
        if (customerOnly()) {
            return Initiator.CUSTOMER;
        }
        if (value == null) {
            return Initiator.BUSINESS;
        }
        for (Initiator initiator : Initiator.values()) {
            if (initiator.name().equalsIgnoreCase(value)) {
                return initiator;
            }
        }
        throw new BookingException(ErrorCode.VALIDATION_FAILED, "initiatedBy is \"customer\" or \"business\"");
    }

    /** The override, recorded with the caller who decided it (and the {@value #ACTOR} label, if any). */
    public static PolicyOverride override(OverrideRequest request, String label) {
        if (request == null) {
            return null;
        }
        Caller caller = Caller.current().orElseThrow(() ->
                new BookingException(ErrorCode.AUTHENTICATION_REQUIRED, "an override is decided by a signed-in member of the business"));
        BookingException.require(!customerOnly(), ErrorCode.ACCESS_DENIED, "customers cannot override the business's policy");
        BookingException.require(label == null || label.length() <= 100, ErrorCode.VALIDATION_FAILED,
                ACTOR + " has at most 100 characters");
        String who = (caller.kind() == Caller.Kind.API_KEY ? "api-key:" : "user:") + caller.subject();
        return new PolicyOverride(label == null || label.isBlank() ? who : who + " (" + label.trim() + ")", request.reason());
    }

    private static boolean customerOnly() {
        return Caller.current().filter(c -> c.has(Role.CUSTOMER) && c.roles().size() == 1).isPresent();
    }

    static void required(Object value, String field) {
        BookingException.require(value != null, ErrorCode.VALIDATION_FAILED, field + " is required");
    }
}
