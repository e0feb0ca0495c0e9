package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.AddHoliday;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.catalog.HolidayRemoved;
import dev.kairos.booking.catalog.ImportHolidays;
import dev.kairos.booking.catalog.RemoveHoliday;
import dev.kairos.booking.command.support.BookingWorld;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.kairos.booking.command.catalog.CatalogTestData.BUSINESS;
import static dev.kairos.booking.command.catalog.CatalogTestData.NOW;
import static dev.kairos.booking.command.catalog.CatalogTestData.OTHER_BUSINESS;
import static dev.kairos.booking.command.catalog.CatalogTestData.SALON;
import static org.assertj.core.api.Assertions.assertThat;

/** The business's holiday calendar: add, re-add, conflicting re-add, import, remove. */
class BusinessHolidaysTest {
    private static final HolidayId XMAS_ID = new HolidayId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
    private static final HolidayId NEW_YEAR_ID = new HolidayId(UUID.fromString("00000000-0000-0000-0000-0000000000e2"));
    private static final Holiday XMAS = new Holiday(XMAS_ID, "Christmas", LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    private static final Holiday NEW_YEAR = new Holiday(NEW_YEAR_ID, "New Year", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1));

    private final BookingWorld world = new BookingWorld(NOW);

    private BookingWorld givenRegistered(Object... more) {
        world.given(Business.class, BUSINESS, new BusinessRegistered(BUSINESS, SALON));
        return more.length == 0 ? world : world.given(Business.class, BUSINESS, more);
    }

    @Test
    void addingAHolidayClosesTheBusinessOnItsDatesWithoutChangingTheRevision() {
        givenRegistered().when(new AddHoliday(BUSINESS, XMAS))
                .expectEvents(new HolidayAdded(BUSINESS, XMAS))
                .expectRevision(1);
        // Berlin is UTC+1 in winter: the two days run from 24 December 23:00Z to 26 December 23:00Z
        assertThat(world.lookups.holidays(BUSINESS, Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z")))
                .containsExactly(new TimeSlot(Instant.parse("2026-12-24T23:00:00Z"), Instant.parse("2026-12-26T23:00:00Z")));
    }

    @Test
    void addingTheSameHolidayAgainChangesNothing() {
        givenRegistered(new HolidayAdded(BUSINESS, XMAS))
                .when(new AddHoliday(BUSINESS, XMAS))
                .expectNoEvents()
                .expectRevision(1);
    }

    @Test
    void reusingAHolidaysIdWithOtherDatesOrNameIsAConflict() {
        givenRegistered(new HolidayAdded(BUSINESS, XMAS))
                .when(new AddHoliday(BUSINESS, new Holiday(XMAS_ID, "Christmas", LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26))))
                .expectException(ErrorCode.ALREADY_EXISTS);
        world.when(new AddHoliday(BUSINESS, new Holiday(XMAS_ID, "Xmas", XMAS.from(), XMAS.to())))
                .expectException(ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void importAddsWhatIsNewAndKeepsWhatIsKnown() {
        givenRegistered(new HolidayAdded(BUSINESS, XMAS))
                .when(new ImportHolidays(BUSINESS, List.of(XMAS, NEW_YEAR, NEW_YEAR)))
                .expectEvents(new HolidayAdded(BUSINESS, NEW_YEAR))
                .expectRevision(1);
        world.when(new ImportHolidays(BUSINESS, List.of(XMAS, NEW_YEAR))).expectNoEvents();
    }

    @Test
    void anImportWithOneConflictAddsNothing() {
        givenRegistered(new HolidayAdded(BUSINESS, XMAS))
                .when(new ImportHolidays(BUSINESS, List.of(NEW_YEAR, new Holiday(XMAS_ID, "Xmas", XMAS.from(), XMAS.to()))))
                .expectException(ErrorCode.ALREADY_EXISTS);
        world.when(new ImportHolidays(BUSINESS, List.of(NEW_YEAR, new Holiday(NEW_YEAR_ID, "Other", NEW_YEAR.from(), NEW_YEAR.to()))))
                .expectException(ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void aBusinessKeepsABoundedNumberOfHolidays() {
        List<Holiday> many = new ArrayList<>();
        for (int i = 0; i < Business.MAX_HOLIDAYS; i++) {
            LocalDate date = LocalDate.of(2027, 1, 1).plusDays(i);
            many.add(new Holiday(new HolidayId(new UUID(7, i)), "Day " + i, date, date));
        }
        givenRegistered().when(new ImportHolidays(BUSINESS, many)).expectSuccessfulHandlerExecution();
        world.when(new AddHoliday(BUSINESS, XMAS)).expectException(ErrorCode.HOLIDAY_LIMIT_REACHED);
        world.when(new AddHoliday(BUSINESS, many.get(0))).expectNoEvents();
    }

    @Test
    void removingAHolidayReopensItsDates() {
        givenRegistered(new HolidayAdded(BUSINESS, XMAS))
                .when(new RemoveHoliday(BUSINESS, XMAS_ID))
                .expectEvents(new HolidayRemoved(BUSINESS, XMAS_ID))
                .expectRevision(1);
        assertThat(world.lookups.holidays(BUSINESS, Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"))).isEmpty();
        world.when(new AddHoliday(BUSINESS, XMAS)).expectEvents(new HolidayAdded(BUSINESS, XMAS));
    }

    @Test
    void removingAnUnknownHolidayIsNotFound() {
        givenRegistered(new HolidayAdded(BUSINESS, XMAS), new HolidayRemoved(BUSINESS, XMAS_ID))
                .when(new RemoveHoliday(BUSINESS, XMAS_ID))
                .expectException(ErrorCode.HOLIDAY_NOT_FOUND);
        world.when(new RemoveHoliday(BUSINESS, NEW_YEAR_ID)).expectException(ErrorCode.HOLIDAY_NOT_FOUND);
    }

    @Test
    void holidaysOfAnUnknownBusinessAreNotFound() {
        givenRegistered().when(new AddHoliday(OTHER_BUSINESS, XMAS)).expectException(ErrorCode.BUSINESS_NOT_FOUND);
        world.when(new RemoveHoliday(OTHER_BUSINESS, XMAS_ID)).expectException(ErrorCode.BUSINESS_NOT_FOUND);
        world.when(new ImportHolidays(OTHER_BUSINESS, List.of(XMAS))).expectException(ErrorCode.BUSINESS_NOT_FOUND);
    }
}
