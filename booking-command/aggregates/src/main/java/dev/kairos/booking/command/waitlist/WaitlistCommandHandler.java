package dev.kairos.booking.command.waitlist;

import dev.kairos.booking.calendar.ConfirmHold;
import dev.kairos.booking.calendar.PlaceHold;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.calendar.HeldSlot;
import dev.kairos.booking.command.calendar.StaffCalendar;
import dev.kairos.booking.command.quota.CustomerQuotas;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.command.support.CommandLookups.WaitlistEntryRecord;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.waitlist.AcceptWaitlistOffer;
import dev.kairos.booking.waitlist.DeclineWaitlistOffer;
import dev.kairos.booking.waitlist.JoinWaitlist;
import dev.kairos.booking.waitlist.LeaveWaitlist;
import dev.kairos.booking.waitlist.OfferFreedTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.kairos.booking.command.calendar.CalendarCommandHandler.bookableTerms;
import static dev.kairos.booking.command.calendar.CalendarCommandHandler.calendarOf;
import static dev.kairos.booking.command.catalog.CatalogCommandHandler.requireActiveBusiness;
import static dev.kairos.booking.command.support.Aggregates.outcome;

/**
 * Decides about waitlists. An offer changes the waitlist and the staff calendar (the offer's hold) in one unit of
 * work, so one database transaction: the calendar refusing the hold means no offer, and a slot can only be held for
 * one customer at a time. Accepting confirms the hold into an appointment in the same way.
 */
@Component
public class WaitlistCommandHandler {
    private final Repository<Waitlist> waitlists;
    private final Repository<StaffCalendar> calendars;
    private final CommandLookups lookups;
    private final Clock clock;
    private final DeadlineManager deadlines;
    private final Duration offerHold;
    private final CustomerQuotas quotas;

    public WaitlistCommandHandler(Repository<Waitlist> waitlists, Repository<StaffCalendar> calendars, CommandLookups lookups,
                                  CustomerQuotas quotas, Clock clock, DeadlineManager deadlines,
                                  @Value("${kairos.waitlist.offer-hold:PT15M}") Duration offerHold) {
        this.waitlists = waitlists;
        this.calendars = calendars;
        this.lookups = lookups;
        this.clock = clock;
        this.deadlines = deadlines;
        this.offerHold = offerHold;
        this.quotas = quotas;
    }

    @CommandHandler
    public CommandOutcome handle(JoinWaitlist command) throws Exception {
        requireActiveBusiness(lookups, command.businessId());
        bookableTerms(lookups, command.serviceId(), command.businessId());
        if (command.staffId() != null) {
            calendarOf(calendars, command.staffId(), command.businessId());
        }
        Aggregate<Waitlist> waitlist = waitlists.loadOrCreate(Waitlist.idOf(command.businessId(), command.serviceId()), Waitlist::new);
        waitlist.execute(w -> w.join(command, clock.instant()));
        return outcome(waitlist, 1);
    }

    @CommandHandler
    public CommandOutcome handle(LeaveWaitlist command) {
        WaitlistEntryRecord entry = entryOf(command.entryId(), command.businessId());
        Aggregate<Waitlist> waitlist = waitlists.load(entry.waitlistId());
        waitlist.execute(w -> w.leave(command.entryId()));
        if (entry.offerHold() != null) {
            calendarOf(calendars, entry.offerStaff(), command.businessId()).execute(c -> c.releaseHold(entry.offerHold()));
        }
        return outcome(waitlist, 1);
    }

    /**
     * Offers freed time to the first customer in line who can use it. The answer's revision is 1 when an offer was
     * made and 0 when nobody in line could use the time.
     */
    @CommandHandler
    public CommandOutcome handle(OfferFreedTime command) {
        Optional<Aggregate<Waitlist>> found = existing(Waitlist.idOf(command.businessId(), command.serviceId()));
        if (found.isEmpty()) {
            return new CommandOutcome(null, 0, 0);
        }
        Aggregate<Waitlist> waitlist = found.get();
        if (command.endedHold() != null) {
            waitlist.execute(w -> w.lapse(command.endedHold()));
        }
        ServiceTerms terms = bookableTerms(lookups, command.serviceId(), command.businessId());
        Instant now = clock.instant();
        TimeSlot slot = TimeSlot.of(command.start(), terms.duration());
        Optional<Waitlist.Entry> next = waitlist.invoke(w -> w.nextInLine(command.staffId(), slot, now));
        if (next.isEmpty()) {
            return outcome(waitlist, 0);
        }
        Waitlist.Entry entry = next.get();
        HoldId holdId = new HoldId(UUID.nameUUIDFromBytes(("offer|" + entry.entryId() + "|" + command.staffId() + "|"
                + command.start()).getBytes(StandardCharsets.UTF_8)));
        Aggregate<StaffCalendar> calendar = calendarOf(calendars, command.staffId(), command.businessId());
        calendar.execute(c -> c.placeHold(new PlaceHold(holdId, command.businessId(), command.staffId(), command.serviceId(),
                command.start(), offerHold), terms, lookups.holidaysAround(command.businessId(), command.start()), now, deadlines));
        waitlist.execute(w -> w.offer(entry.entryId(), command.staffId(), slot, holdId, now.plus(offerHold)));
        return outcome(waitlist, 1);
    }

    /**
     * Accepts the open offer. An acceptance sent again with the same appointment id (a retry, a double click through
     * two nodes) answers as the first did. When the first commits while this one is being decided, this one may have
     * read some of its effects and not others (the entry booked, the offer's hold gone) and be rejected for it; a
     * rejection while the appointment now exists is therefore decided again, on fresh state, like a lost write race.
     */
    @CommandHandler
    public CommandOutcome handle(AcceptWaitlistOffer command) {
        Optional<CommandOutcome> done = alreadyAccepted(command);
        if (done.isPresent()) {
            return done.get();
        }
        try {
            return accept(command);
        } catch (BookingException rejected) {
            if (lookups.appointment(command.appointmentId()).isPresent()) {
                throw new ConcurrencyException("appointment " + command.appointmentId() + " was booked while deciding; deciding again");
            }
            throw rejected;
        }
    }

    private Optional<CommandOutcome> alreadyAccepted(AcceptWaitlistOffer command) {
        Optional<String> waitlistId = lookups.waitlistOf(command.entryId(), command.businessId());
        if (waitlistId.isEmpty()) {
            return Optional.empty();
        }
        boolean accepted = command.appointmentId().equals(waitlists.load(waitlistId.get()).invoke(w -> w.acceptedAs(command.entryId())));
        return accepted ? lookups.appointment(command.appointmentId())
                .map(a -> outcome(calendarOf(calendars, a.staffId(), command.businessId()), 1)) : Optional.empty();
    }

    private CommandOutcome accept(AcceptWaitlistOffer command) {
        WaitlistEntryRecord record = entryOf(command.entryId(), command.businessId());
        Aggregate<Waitlist> waitlist = waitlists.load(record.waitlistId());
        Waitlist.Entry entry = waitlist.invoke(w -> w.openOffer(command.entryId()));
        requireActiveBusiness(lookups, command.businessId());
        BookingException.require(lookups.appointment(command.appointmentId()).isEmpty(), ErrorCode.ALREADY_EXISTS,
                () -> "appointment " + command.appointmentId() + " already exists");
        Aggregate<StaffCalendar> calendar = calendarOf(calendars, record.offerStaff(), command.businessId());
        HeldSlot held = calendar.invoke(c -> c.held(entry.offerHold()));
        CustomerQuotas.Step counting = held == null ? CustomerQuotas.Step.NONE
                : quotas.toBook(command.businessId(), held.serviceId(), entry.customerId(), command.appointmentId(), held.start(),
                bookableTerms(lookups, held.serviceId(), command.businessId()));
        long revision = calendar.invoke(c -> c.confirmHold(new ConfirmHold(entry.offerHold(), command.businessId(),
                command.appointmentId(), entry.customerId(), entry.customer(), null, java.util.Map.of("source", "waitlist")),
                clock.instant()));
        waitlist.execute(w -> w.accept(command.entryId(), command.appointmentId()));
        counting.apply();
        return outcome(calendar, revision);
    }

    @CommandHandler
    public CommandOutcome handle(DeclineWaitlistOffer command) {
        WaitlistEntryRecord record = entryOf(command.entryId(), command.businessId());
        Aggregate<Waitlist> waitlist = waitlists.load(record.waitlistId());
        Waitlist.Entry entry = waitlist.invoke(w -> w.openOffer(command.entryId()));
        waitlist.execute(w -> w.decline(command.entryId()));
        calendarOf(calendars, record.offerStaff(), command.businessId()).execute(c -> c.releaseHold(entry.offerHold()));
        return outcome(waitlist, 1);
    }

    private WaitlistEntryRecord entryOf(dev.kairos.booking.waitlist.WaitlistEntryId entryId, BusinessId businessId) {
        return lookups.waitlistEntry(entryId).filter(e -> e.businessId().equals(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.WAITLIST_ENTRY_NOT_FOUND, "waitlist entry not found: " + entryId));
    }

    private Optional<Aggregate<Waitlist>> existing(String id) {
        try {
            return Optional.of(waitlists.load(id));
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
