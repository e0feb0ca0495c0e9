package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.waitlist.AcceptWaitlistOffer;
import dev.kairos.booking.waitlist.DeclineWaitlistOffer;
import dev.kairos.booking.waitlist.JoinWaitlist;
import dev.kairos.booking.waitlist.LeaveWaitlist;
import dev.kairos.booking.waitlist.OfferFreedTime;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.waitlist.WaitlistJoined;
import dev.kairos.booking.waitlist.WaitlistLeft;
import dev.kairos.booking.waitlist.WaitlistOfferAccepted;
import dev.kairos.booking.waitlist.WaitlistOfferDeclined;
import dev.kairos.booking.waitlist.WaitlistOfferLapsed;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.booking.command.calendar.CalendarScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The waitlist: first come, first served; offers are holds; declined or lapsed offers pass to the next in line. */
class WaitlistTest {
    static final WaitlistEntryId ADA_WAITS = new WaitlistEntryId(uuid("e001"));
    static final WaitlistEntryId BOB_WAITS = new WaitlistEntryId(uuid("e002"));
    static final CustomerDetails BOB = new CustomerDetails("Bob", "bob@example.com", null);
    static final CustomerId BOB_ID = CustomerId.forContact(BUSINESS, "bob@example.com", null);
    static final TimeSlot MONDAY_WINDOW = new TimeSlot(monday("09:00"), monday("17:00"));
    static final Duration OFFER = Duration.ofMinutes(15);

    private static CalendarScenario annaFullyBooked() {
        return new CalendarScenario().givenStaff().workingMondays("09:00-12:00").providing(CUT, QUICK).registered()
                .booked(A1, CUT, monday("09:15")).booked(A2, CUT, monday("10:45"));
    }

    private static JoinWaitlist join(WaitlistEntryId id, StaffId staff, TimeSlot window, CustomerId customerId, CustomerDetails customer) {
        return new JoinWaitlist(id, BUSINESS, CUT, staff, window, customerId, customer);
    }

    /** Ada joined first, Bob second, both for any staff on Monday. */
    private static CalendarScenario withAdaThenBobWaiting() {
        CalendarScenario s = annaFullyBooked();
        s.when(join(ADA_WAITS, null, MONDAY_WINDOW, ADA_ID, ADA)).expectSuccessfulHandlerExecution();
        s.when(join(BOB_WAITS, null, MONDAY_WINDOW, BOB_ID, BOB)).expectSuccessfulHandlerExecution();
        return s;
    }

    static HoldId offerHold(WaitlistEntryId entry, Instant start) {
        return new HoldId(UUID.nameUUIDFromBytes(("offer|" + entry + "|" + STAFF + "|" + start).getBytes(StandardCharsets.UTF_8)));
    }

    private static OfferFreedTime freed(Instant start, HoldId endedHold) {
        return new OfferFreedTime(BUSINESS, CUT, STAFF, start, endedHold);
    }

    private static Object[] offered(WaitlistEntryId entry, Instant start) {
        HoldId hold = offerHold(entry, start);
        return new Object[]{
                new HoldPlaced(hold, BUSINESS, STAFF, CUT, slot(CUT, start), blocked(CUT, start), NOW, NOW.plus(OFFER)),
                new WaitlistSlotOffered(entry, BUSINESS, CUT, STAFF, slot(CUT, start), hold, NOW.plus(OFFER))};
    }

    /** Ada's offer of the 09:15 slot, freed by cancelling the first appointment. */
    private static CalendarScenario adaOffered() {
        CalendarScenario s = withAdaThenBobWaiting().cancelled(A1);
        s.when(freed(monday("09:15"), null)).expectEvents(offered(ADA_WAITS, monday("09:15"))).expectRevision(1);
        return s;
    }

    @Test
    void joiningRecordsThePlaceInLineAndJoiningAgainChangesNothing() {
        CalendarScenario s = annaFullyBooked();
        s.when(join(ADA_WAITS, STAFF, MONDAY_WINDOW, ADA_ID, ADA))
                .expectEvents(new WaitlistJoined(ADA_WAITS, BUSINESS, CUT, STAFF, MONDAY_WINDOW, ADA_ID, ADA, NOW));
        s.when(join(ADA_WAITS, STAFF, MONDAY_WINDOW, ADA_ID, ADA)).expectNoEvents();
        s.when(join(ADA_WAITS, null, MONDAY_WINDOW, ADA_ID, ADA)).expectException(ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void joiningIsRejectedForAWindowInThePastAnUnknownStaffMemberOrAnotherBusinessService() {
        annaFullyBooked().when(join(ADA_WAITS, null, new TimeSlot(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))), ADA_ID, ADA))
                .expectException(ErrorCode.INVALID_TIME_RANGE);
        annaFullyBooked().when(join(ADA_WAITS, OTHER_STAFF, MONDAY_WINDOW, ADA_ID, ADA)).expectException(ErrorCode.STAFF_NOT_FOUND);
        annaFullyBooked().when(new JoinWaitlist(ADA_WAITS, BUSINESS, FOREIGN, null, MONDAY_WINDOW, ADA_ID, ADA))
                .expectException(ErrorCode.SERVICE_NOT_FOUND);
    }

    @Test
    void freedTimeIsOfferedToTheFirstInLineAsAHold() {
        CalendarScenario s = adaOffered();
        s.when(join(new WaitlistEntryId(uuid("e003")), null, MONDAY_WINDOW, ADA_ID, ADA)).expectSuccessfulHandlerExecution();
        // the offer holds the slot: nobody else can book it meanwhile
        s.when(book(A3, CUT, monday("09:15"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void aCustomerWithAnOpenOfferIsPassedOverForTheNextFreedSlot() {
        CalendarScenario s = adaOffered().cancelled(A2);
        s.when(freed(monday("10:45"), null)).expectEvents(offered(BOB_WAITS, monday("10:45")));
    }

    @Test
    void customersWaitingForAnotherStaffMemberOrWindowArePassedOver() {
        CalendarScenario s = annaFullyBooked().cancelled(A1).givenStaff(OTHER_STAFF).workingMondays("09:00-12:00").providing(CUT).registered();
        s.when(join(new WaitlistEntryId(uuid("e003")), OTHER_STAFF, MONDAY_WINDOW, ADA_ID, ADA)).expectSuccessfulHandlerExecution();
        s.when(join(ADA_WAITS, null, new TimeSlot(monday("10:00"), monday("12:00")), ADA_ID, ADA)).expectSuccessfulHandlerExecution();
        s.when(join(BOB_WAITS, STAFF, MONDAY_WINDOW, BOB_ID, BOB)).expectSuccessfulHandlerExecution();
        s.when(freed(monday("09:15"), null)).expectEvents(offered(BOB_WAITS, monday("09:15")));
    }

    @Test
    void timeThatIsNotReallyFreeIsNotOffered() {
        withAdaThenBobWaiting().when(freed(monday("09:15"), null)).expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void withNobodyInLineNothingHappens() {
        annaFullyBooked().cancelled(A1).when(freed(monday("09:15"), null)).expectNoEvents().expectRevision(0);
    }

    @Test
    void anAcceptedOfferBecomesTheCustomersAppointmentAndEndsTheirWait() {
        AppointmentId booked = new AppointmentId(uuid("a009"));
        HoldId hold = offerHold(ADA_WAITS, monday("09:15"));
        CalendarScenario s = adaOffered();
        s.when(new AcceptWaitlistOffer(ADA_WAITS, BUSINESS, booked)).expectEvents(
                new HoldConfirmed(hold, BUSINESS, STAFF, booked),
                new dev.kairos.booking.calendar.AppointmentBooked(booked, BUSINESS, STAFF, CUT, ADA_ID, ADA, slot(CUT, monday("09:15")),
                        blocked(CUT, monday("09:15")), null, Map.of("source", "waitlist"), NOW),
                new WaitlistOfferAccepted(ADA_WAITS, BUSINESS, CUT, hold, booked));
    }

    @Test
    void anAcceptanceSentAgainAnswersAsTheFirstAndChangesNothing() {
        AppointmentId booked = new AppointmentId(uuid("a009"));
        CalendarScenario s = adaOffered();
        s.when(new AcceptWaitlistOffer(ADA_WAITS, BUSINESS, booked)).expectSuccessfulHandlerExecution();
        s.when(new AcceptWaitlistOffer(ADA_WAITS, BUSINESS, booked)).expectNoEvents().expectRevision(1);
        // another appointment id is no retry
        s.when(new AcceptWaitlistOffer(ADA_WAITS, BUSINESS, A3)).expectException(ErrorCode.WAITLIST_ENTRY_NOT_FOUND);
    }

    @Test
    void acceptingWithoutAnOpenOfferIsRejected() {
        withAdaThenBobWaiting().when(new AcceptWaitlistOffer(ADA_WAITS, BUSINESS, A3)).expectException(ErrorCode.NO_OPEN_OFFER);
        withAdaThenBobWaiting().when(new AcceptWaitlistOffer(ADA_WAITS, OTHER_BUSINESS, A3))
                .expectException(ErrorCode.WAITLIST_ENTRY_NOT_FOUND);
    }

    @Test
    void aDeclinedOfferPassesToTheNextInLineAndIsNeverOfferedBackToTheDecliner() {
        HoldId adas = offerHold(ADA_WAITS, monday("09:15"));
        CalendarScenario s = adaOffered();
        s.when(new DeclineWaitlistOffer(ADA_WAITS, BUSINESS)).expectEvents(
                new WaitlistOfferDeclined(ADA_WAITS, BUSINESS, CUT, adas),
                new HoldReleased(adas, BUSINESS, STAFF, CUT, slot(CUT, monday("09:15"))));
        s.when(freed(monday("09:15"), adas)).expectEvents(offered(BOB_WAITS, monday("09:15")));
    }

    @Test
    void anOfferThatLapsesPassesToTheNextInLine() {
        HoldId adas = offerHold(ADA_WAITS, monday("09:15"));
        CalendarScenario s = adaOffered();
        s.world.whenTimeElapses(OFFER).expectEvents(
                new HoldExpired(adas, BUSINESS, STAFF, CUT, slot(CUT, monday("09:15")), NOW.plus(OFFER)));
        Instant later = NOW.plus(OFFER);
        HoldId bobs = offerHold(BOB_WAITS, monday("09:15"));
        s.when(freed(monday("09:15"), adas)).expectEvents(
                new WaitlistOfferLapsed(ADA_WAITS, BUSINESS, CUT, adas),
                new HoldPlaced(bobs, BUSINESS, STAFF, CUT, slot(CUT, monday("09:15")), blocked(CUT, monday("09:15")), later, later.plus(OFFER)),
                new WaitlistSlotOffered(BOB_WAITS, BUSINESS, CUT, STAFF, slot(CUT, monday("09:15")), bobs, later.plus(OFFER)));
        s.when(new AcceptWaitlistOffer(ADA_WAITS, BUSINESS, A3)).expectException(ErrorCode.NO_OPEN_OFFER);
    }

    @Test
    void leavingWithAnOpenOfferGivesTheSlotBack() {
        HoldId adas = offerHold(ADA_WAITS, monday("09:15"));
        adaOffered().when(new LeaveWaitlist(ADA_WAITS, BUSINESS)).expectEvents(
                new WaitlistLeft(ADA_WAITS, BUSINESS, CUT),
                new HoldReleased(adas, BUSINESS, STAFF, CUT, slot(CUT, monday("09:15"))));
    }

    @Test
    void leavingTwiceIsNotFound() {
        CalendarScenario s = withAdaThenBobWaiting();
        s.when(new LeaveWaitlist(ADA_WAITS, BUSINESS)).expectEvents(new WaitlistLeft(ADA_WAITS, BUSINESS, CUT));
        s.when(new LeaveWaitlist(ADA_WAITS, BUSINESS)).expectException(ErrorCode.WAITLIST_ENTRY_NOT_FOUND);
        assertThat(s.world.lookups.waitlistEntries).containsOnlyKeys(BOB_WAITS);
    }
}
