package dev.kairos.booking.command.waitlist;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.waitlist.JoinWaitlist;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.waitlist.WaitlistJoined;
import dev.kairos.booking.waitlist.WaitlistLeft;
import dev.kairos.booking.waitlist.WaitlistOfferAccepted;
import dev.kairos.booking.waitlist.WaitlistOfferDeclined;
import dev.kairos.booking.waitlist.WaitlistOfferLapsed;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The line of customers waiting for a service of one business. Invariants: the order in line is the order of
 * joining (first come, first served); a customer holds at most one open offer; a slot (staff member and start) is
 * offered to one customer at a time, and never again to a customer who declined it or let it lapse. Customers who
 * booked or left leave the line; the appointment of each accepted offer is remembered, so that an acceptance sent
 * again answers as the first did.
 */
@Aggregate
public class Waitlist {
    static final int LONGEST_LINE = 1000;
    @AggregateIdentifier
    private String id;
    private BusinessId businessId;
    private ServiceId serviceId;
    /** Waiting customers in the order they joined. */
    private Map<WaitlistEntryId, Entry> line = new LinkedHashMap<>();
    /** Entries whose offer was accepted, with the appointment it became. */
    private Map<WaitlistEntryId, AppointmentId> accepted = new HashMap<>();

    protected Waitlist() {
    }

    /** One line per business and service. */
    public static String idOf(BusinessId businessId, ServiceId serviceId) {
        return UUID.nameUUIDFromBytes(("waitlist|" + businessId + "|" + serviceId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Joining again under the same id with the same wishes changes nothing. */
    void join(JoinWaitlist command, Instant now) {
        Entry existing = line.get(command.entryId());
        if (existing != null) {
            BookingException.require(existing.window().equals(command.window()) && java.util.Objects.equals(existing.staffId(), command.staffId()),
                    ErrorCode.ALREADY_EXISTS, () -> "waitlist entry " + command.entryId() + " already exists");
            return;
        }
        BookingException.require(command.window().end().isAfter(now), ErrorCode.INVALID_TIME_RANGE,
                "the waiting window must end in the future");
        BookingException.require(command.window().length().toDays() <= 366, ErrorCode.INVALID_TIME_RANGE,
                "the waiting window lasts at most 366 days");
        BookingException.require(line.size() < LONGEST_LINE, ErrorCode.WAITLIST_FULL,
                () -> "at most " + LONGEST_LINE + " customers wait for one service");
        apply(new WaitlistJoined(command.entryId(), command.businessId(), command.serviceId(), command.staffId(),
                command.window(), command.customerId(), command.customer(), now));
    }

    void leave(WaitlistEntryId entryId) {
        requireEntry(entryId);
        apply(new WaitlistLeft(entryId, businessId, serviceId));
    }

    /** Records that an offer's hold expired unanswered, if {@code holdId} was an open offer. */
    void lapse(HoldId holdId) {
        line.values().stream().filter(e -> holdId.equals(e.offerHold())).findFirst()
                .ifPresent(e -> apply(new WaitlistOfferLapsed(e.entryId(), businessId, serviceId, holdId)));
    }

    /**
     * The first customer in line who can use {@code slot} with {@code staffId}: waiting without an open offer, for
     * that staff member or anyone, with the slot's start inside their window, and not having turned this slot down.
     */
    Optional<Entry> nextInLine(StaffId staffId, TimeSlot slot, Instant now) {
        String key = slotKey(staffId, slot.start());
        return line.values().stream()
                .filter(e -> e.offerHold() == null)
                .filter(e -> e.staffId() == null || e.staffId().equals(staffId))
                .filter(e -> !e.window().start().isAfter(slot.start()) && e.window().end().isAfter(slot.start()))
                .filter(e -> e.window().end().isAfter(now))
                .filter(e -> !e.turnedDown().contains(key))
                .findFirst();
    }

    void offer(WaitlistEntryId entryId, StaffId staffId, TimeSlot slot, HoldId holdId, Instant expiresAt) {
        apply(new WaitlistSlotOffered(entryId, businessId, serviceId, staffId, slot, holdId, expiresAt));
    }

    /** The open offer of a customer; rejects when there is none. */
    Entry openOffer(WaitlistEntryId entryId) {
        Entry entry = requireEntry(entryId);
        BookingException.require(entry.offerHold() != null, ErrorCode.NO_OPEN_OFFER,
                () -> "waitlist entry " + entryId + " has no open offer");
        return entry;
    }

    void accept(WaitlistEntryId entryId, AppointmentId appointmentId) {
        Entry entry = openOffer(entryId);
        apply(new WaitlistOfferAccepted(entryId, businessId, serviceId, entry.offerHold(), appointmentId));
    }

    void decline(WaitlistEntryId entryId) {
        Entry entry = openOffer(entryId);
        apply(new WaitlistOfferDeclined(entryId, businessId, serviceId, entry.offerHold()));
    }

    /** The appointment the entry's accepted offer became, or {@code null}. */
    AppointmentId acceptedAs(WaitlistEntryId entryId) {
        return accepted.get(entryId);
    }

    boolean contains(WaitlistEntryId entryId) {
        return line.containsKey(entryId);
    }

    BusinessId businessId() {
        return businessId;
    }

    private Entry requireEntry(WaitlistEntryId entryId) {
        Entry entry = line.get(entryId);
        BookingException.require(entry != null, ErrorCode.WAITLIST_ENTRY_NOT_FOUND, () -> "waitlist entry not found: " + entryId);
        return entry;
    }

    private static String slotKey(StaffId staffId, Instant start) {
        return staffId + "@" + start;
    }

    @EventSourcingHandler
    void on(WaitlistJoined event) {
        if (id == null) {
            id = idOf(event.businessId(), event.serviceId());
            businessId = event.businessId();
            serviceId = event.serviceId();
        }
        line.put(event.entryId(), new Entry(event.entryId(), event.staffId(), event.window(), event.customerId(),
                event.customer(), null, null, new HashSet<>()));
    }

    @EventSourcingHandler
    void on(WaitlistSlotOffered event) {
        line.computeIfPresent(event.entryId(), (k, e) -> e.offered(event.holdId(), slotKey(event.staffId(), event.slot().start())));
    }

    @EventSourcingHandler
    void on(WaitlistOfferDeclined event) {
        line.computeIfPresent(event.entryId(), (k, e) -> e.afterTurningDown());
    }

    @EventSourcingHandler
    void on(WaitlistOfferLapsed event) {
        line.computeIfPresent(event.entryId(), (k, e) -> e.afterTurningDown());
    }

    @EventSourcingHandler
    void on(WaitlistOfferAccepted event) {
        line.remove(event.entryId());
        accepted.put(event.entryId(), event.appointmentId());
    }

    @EventSourcingHandler
    void on(WaitlistLeft event) {
        line.remove(event.entryId());
    }

    /** A customer in line; {@code offerHold} and {@code offeredSlot} are set while an offer is open. */
    record Entry(WaitlistEntryId entryId, StaffId staffId, TimeSlot window, dev.kairos.booking.common.CustomerId customerId,
                 dev.kairos.booking.calendar.CustomerDetails customer, HoldId offerHold, String offeredSlot,
                 Set<String> turnedDown) {
        Entry offered(HoldId holdId, String slot) {
            return new Entry(entryId, staffId, window, customerId, customer, holdId, slot, turnedDown);
        }

        Entry afterTurningDown() {
            Set<String> declined = new HashSet<>(turnedDown);
            declined.add(offeredSlot);
            return new Entry(entryId, staffId, window, customerId, customer, null, null, declined);
        }
    }
}
