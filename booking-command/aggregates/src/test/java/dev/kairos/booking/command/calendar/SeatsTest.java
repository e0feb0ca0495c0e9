package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.PlaceHold;
import dev.kairos.booking.calendar.SetBookingLimits;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HoldId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.kairos.booking.command.calendar.CalendarScenario.*;

/** Group sessions: customers share one slot up to the service's capacity, each with their own appointment. */
class SeatsTest {
    static final AppointmentId A5 = new AppointmentId(uuid("a005"));

    private static CalendarScenario anna() {
        return new CalendarScenario().givenStaff().workingMondays("09:00-17:00").providing(CUT, YOGA).registered();
    }

    private static BookSlot seat(AppointmentId id, String who, Instant start) {
        CustomerDetails customer = new CustomerDetails(who, who.toLowerCase() + "@example.com", null);
        return new BookSlot(id, BUSINESS, STAFF, YOGA, CustomerId.forContact(BUSINESS, customer.email(), null), customer,
                start, null, Map.of());
    }

    private static AppointmentBooked seated(AppointmentId id, String who, Instant start) {
        return seated(id, who, start, NOW);
    }

    private static AppointmentBooked seated(AppointmentId id, String who, Instant start, Instant bookedAt) {
        CustomerDetails customer = new CustomerDetails(who, who.toLowerCase() + "@example.com", null);
        return new AppointmentBooked(id, BUSINESS, STAFF, YOGA, CustomerId.forContact(BUSINESS, customer.email(), null),
                customer, slot(YOGA, start), blocked(YOGA, start), null, Map.of(), bookedAt);
    }

    /** Anna's 10:00 yoga class with Ada and Bob in it. */
    private static CalendarScenario twoSeatsTaken() {
        CalendarScenario s = anna();
        s.when(seat(A1, "Ada", monday("10:00"))).expectEvents(seated(A1, "Ada", monday("10:00")));
        s.when(seat(A2, "Bob", monday("10:00"))).expectEvents(seated(A2, "Bob", monday("10:00")));
        return s;
    }

    @Test
    void customersShareASessionUpToItsCapacity() {
        CalendarScenario s = twoSeatsTaken();
        s.when(seat(A3, "Cleo", monday("10:00"))).expectEvents(seated(A3, "Cleo", monday("10:00")));
        s.when(seat(A4, "Dan", monday("10:00"))).expectException(ErrorCode.SESSION_FULL);
    }

    @Test
    void aCancelledSeatIsFreeAgainAndTheOthersKeepTheirOwnStatus() {
        CalendarScenario s = twoSeatsTaken();
        s.when(seat(A3, "Cleo", monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(new ConfirmAppointment(A1, BUSINESS, null)).expectSuccessfulHandlerExecution();
        s.when(new CancelAppointment(A2, BUSINESS, "ill", null))
                .expectEvents(new AppointmentCancelled(A2, BUSINESS, STAFF, "ill", 2));
        s.when(seat(A4, "Dan", monday("10:00"))).expectEvents(seated(A4, "Dan", monday("10:00")));
        s.when(seat(A5, "Eve", monday("10:00"))).expectException(ErrorCode.SESSION_FULL);
        s.when(new ConfirmAppointment(A1, BUSINESS, null)).expectNoEvents();
    }

    @Test
    void aSessionAtAnotherStartOrAnotherServiceCannotOverlapIt() {
        CalendarScenario s = twoSeatsTaken();
        s.when(seat(A3, "Cleo", monday("10:30"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
        s.when(book(A3, CUT, monday("10:30"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
        s.when(seat(A3, "Cleo", monday("11:00"))).expectEvents(seated(A3, "Cleo", monday("11:00")));
    }

    @Test
    void aSessionCannotStartOverAnIndividualAppointment() {
        CalendarScenario s = anna().booked(A1, CUT, monday("10:00"));
        s.when(seat(A2, "Bob", monday("10:00"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void aHeldSeatCountsUntilItExpires() {
        CalendarScenario s = twoSeatsTaken();
        s.when(new PlaceHold(new HoldId(uuid("0d01")), BUSINESS, STAFF, YOGA, monday("10:00"), Duration.ofMinutes(10)))
                .expectSuccessfulHandlerExecution();
        s.when(seat(A3, "Cleo", monday("10:00"))).expectException(ErrorCode.SESSION_FULL);
        s.world.whenTimeElapses(Duration.ofMinutes(10)).expectSuccessfulHandlerExecution();
        s.when(seat(A3, "Cleo", monday("10:00"))).expectEvents(seated(A3, "Cleo", monday("10:00"), NOW.plus(Duration.ofMinutes(10))));
    }

    @Test
    void aHoldForAnotherServiceCannotTakeASeat() {
        twoSeatsTaken().when(new PlaceHold(new HoldId(uuid("0d01")), BUSINESS, STAFF, CUT, monday("10:00"), Duration.ofMinutes(10)))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void aSessionCountsOnceTowardsTheDailyLimit() {
        CalendarScenario s = twoSeatsTaken();
        s.when(new SetBookingLimits(STAFF, BUSINESS, new BookingLimits(1, null), null)).expectSuccessfulHandlerExecution();
        s.when(seat(A3, "Cleo", monday("10:00"))).expectEvents(seated(A3, "Cleo", monday("10:00")));
        s.when(seat(A4, "Dan", monday("14:00"))).expectException(ErrorCode.BOOKING_LIMIT_REACHED);
    }
}
