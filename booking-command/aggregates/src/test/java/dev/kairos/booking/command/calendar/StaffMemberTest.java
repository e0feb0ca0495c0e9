package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.DeactivateStaffMember;
import dev.kairos.booking.calendar.RegisterStaffMember;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.StaffProfileChanged;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.calendar.UpdateStaffMember;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingHoursChanged;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

import static dev.kairos.booking.command.calendar.CalendarScenario.ANNA;
import static dev.kairos.booking.command.calendar.CalendarScenario.BERLIN;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.FOREIGN;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.intervals;
import static dev.kairos.booking.command.calendar.CalendarScenario.uuid;

class StaffMemberTest {
    private static final WeeklySchedule MONDAYS = new WeeklySchedule(Map.of(DayOfWeek.MONDAY, intervals("09:00-12:00", "13:00-17:00")));
    private static final WeeklySchedule TUESDAYS = new WeeklySchedule(Map.of(DayOfWeek.TUESDAY, intervals("10:00-18:00")));
    private static final StaffProfile ANNA_MARRIED = new StaffProfile("Anna Berg", "anna@example.com", "+4930123456", BERLIN);

    private final CalendarScenario scenario = new CalendarScenario();

    private CalendarScenario registeredAnna() {
        return scenario.givenStaff().workingMondays("09:00-12:00", "13:00-17:00").providing(CUT).registered();
    }

    private static UpdateStaffMember update(StaffProfile profile, WeeklySchedule schedule, Set<ServiceId> services, Long expected) {
        return new UpdateStaffMember(STAFF, BUSINESS, profile, schedule, services, expected);
    }

    @Test
    void registerEmitsStaffMemberRegistered() {
        scenario.when(new RegisterStaffMember(STAFF, BUSINESS, ANNA, MONDAYS, Set.of(CUT, QUICK)))
                .expectEvents(new StaffMemberRegistered(STAFF, BUSINESS, ANNA, MONDAYS, Set.of(CUT, QUICK)))
                .expectRevision(1);
    }

    @Test
    void registerWithAnUnknownServiceIsRejected() {
        scenario.when(new RegisterStaffMember(STAFF, BUSINESS, ANNA, MONDAYS, Set.of(CUT, new ServiceId(uuid("c999")))))
                .expectException(ErrorCode.UNKNOWN_SERVICE);
    }

    @Test
    void registerWithAnotherTenantsServiceIsRejected() {
        scenario.when(new RegisterStaffMember(STAFF, BUSINESS, ANNA, MONDAYS, Set.of(FOREIGN)))
                .expectException(ErrorCode.UNKNOWN_SERVICE);
    }

    @Test
    void registerForAnInactiveBusinessIsRejected() {
        scenario.businessDeactivated()
                .when(new RegisterStaffMember(STAFF, BUSINESS, ANNA, MONDAYS, Set.of(CUT)))
                .expectException(ErrorCode.BUSINESS_INACTIVE);
    }

    @Test
    void registerForAnUnknownBusinessIsNotFound() {
        scenario.when(new RegisterStaffMember(STAFF, new BusinessId(uuid("b999")), ANNA, MONDAYS, Set.of()))
                .expectException(ErrorCode.BUSINESS_NOT_FOUND);
    }

    @Test
    void updateEmitsOnlyTheChangedProfile() {
        registeredAnna().when(update(ANNA_MARRIED, MONDAYS, Set.of(CUT), 1L))
                .expectEvents(new StaffProfileChanged(STAFF, BUSINESS, ANNA_MARRIED, 2))
                .expectRevision(2);
    }

    @Test
    void updateEmitsOnlyTheChangedHours() {
        registeredAnna().when(update(ANNA, TUESDAYS, Set.of(CUT), null))
                .expectEvents(new WorkingHoursChanged(STAFF, BUSINESS, TUESDAYS, 2))
                .expectRevision(2);
    }

    @Test
    void updateEmitsOnlyTheChangedServices() {
        registeredAnna().when(update(ANNA, MONDAYS, Set.of(CUT, QUICK), null))
                .expectEvents(new StaffServicesChanged(STAFF, BUSINESS, Set.of(CUT, QUICK), 2))
                .expectRevision(2);
    }

    @Test
    void updateOfEverythingEmitsThreeEventsWithIncreasingRevisions() {
        registeredAnna().when(update(ANNA_MARRIED, TUESDAYS, Set.of(QUICK), 1L))
                .expectEvents(new StaffProfileChanged(STAFF, BUSINESS, ANNA_MARRIED, 2),
                        new WorkingHoursChanged(STAFF, BUSINESS, TUESDAYS, 3),
                        new StaffServicesChanged(STAFF, BUSINESS, Set.of(QUICK), 4))
                .expectRevision(4);
    }

    @Test
    void laterUpdatesContinueFromTheLastRevision() {
        registeredAnna().world.given(StaffCalendar.class, STAFF, new WorkingHoursChanged(STAFF, BUSINESS, TUESDAYS, 2));
        scenario.when(update(ANNA_MARRIED, TUESDAYS, Set.of(CUT), 2L))
                .expectEvents(new StaffProfileChanged(STAFF, BUSINESS, ANNA_MARRIED, 3))
                .expectRevision(3);
    }

    @Test
    void unchangedUpdateIsANoOp() {
        registeredAnna().when(update(ANNA, MONDAYS, Set.of(CUT), 1L))
                .expectNoEvents()
                .expectRevision(1);
    }

    @Test
    void updateAgainstAStaleRevisionIsRejected() {
        registeredAnna().when(update(ANNA_MARRIED, MONDAYS, Set.of(CUT), 3L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void updateWithAnUnknownServiceIsRejected() {
        registeredAnna().when(update(ANNA, MONDAYS, Set.of(new ServiceId(uuid("c999"))), null))
                .expectException(ErrorCode.UNKNOWN_SERVICE);
    }

    @Test
    void anotherTenantCannotUpdateTheStaffMember() {
        registeredAnna().when(new UpdateStaffMember(STAFF, OTHER_BUSINESS, ANNA_MARRIED, MONDAYS, Set.of(FOREIGN), null))
                .expectException(ErrorCode.STAFF_NOT_FOUND);
    }

    @Test
    void deactivateEmitsStaffMemberDeactivated() {
        registeredAnna().when(new DeactivateStaffMember(STAFF, BUSINESS, 1L))
                .expectEvents(new StaffMemberDeactivated(STAFF, BUSINESS, 2))
                .expectRevision(2);
    }

    @Test
    void deactivatingAgainIsANoOp() {
        registeredAnna().staffDeactivated()
                .when(new DeactivateStaffMember(STAFF, BUSINESS, null))
                .expectNoEvents()
                .expectRevision(2);
    }

    @Test
    void deactivateAgainstAStaleRevisionIsRejected() {
        registeredAnna().when(new DeactivateStaffMember(STAFF, BUSINESS, 2L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void anotherTenantCannotDeactivateTheStaffMember() {
        registeredAnna().when(new DeactivateStaffMember(STAFF, OTHER_BUSINESS, null))
                .expectException(ErrorCode.STAFF_NOT_FOUND);
    }

    @Test
    void deactivatingAnUnknownStaffMemberIsNotFound() {
        scenario.when(new DeactivateStaffMember(STAFF, BUSINESS, null))
                .expectException(ErrorCode.STAFF_NOT_FOUND);
    }
}
