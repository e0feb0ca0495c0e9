package dev.kairos.edge.holidays;

import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading holidays from iCalendar files; "now" is Tuesday 2026-12-01 08:00Z, the business is in Berlin. */
class IcsHolidaysTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));

    static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kairos//Test//EN\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
    }

    static String event(String uid, String summary, String... lines) {
        StringBuilder b = new StringBuilder("BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:" + summary + "\r\n");
        for (String line : lines) {
            b.append(line).append("\r\n");
        }
        return b.append("END:VEVENT\r\n").toString();
    }

    private static List<Holiday> parse(String ics) {
        return IcsHolidays.parse(ics, BUSINESS, BERLIN, NOW);
    }

    private static List<String> describe(List<Holiday> holidays) {
        return holidays.stream().map(h -> h.name() + " " + h.from() + ".." + h.to()).toList();
    }

    @Test
    void anAllDayEventIsOneHoliday() {
        List<Holiday> holidays = parse(calendar(event("xmas-eve@test", "Christmas Eve",
                "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261225")));
        assertThat(describe(holidays)).containsExactly("Christmas Eve 2026-12-24..2026-12-24");
        assertThat(holidays.get(0).id()).isEqualTo(IcsHolidays.idOf(BUSINESS, "xmas-eve@test", "Christmas Eve", LocalDate.of(2026, 12, 24)));
    }

    @Test
    void aMultiDayEventEndsTheDayBeforeItsExclusiveEnd() {
        assertThat(describe(parse(calendar(event("xmas@test", "Christmas", "DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261227"),
                event("nye@test", "New Year", "DTSTART;VALUE=DATE:20270101"),
                event("break@test", "Winter break", "DTSTART;VALUE=DATE:20270104", "DURATION:P5D")))))
                .containsExactly("Christmas 2026-12-25..2026-12-26", "New Year 2027-01-01..2027-01-01",
                        "Winter break 2027-01-04..2027-01-08");
    }

    @Test
    void anEventWithTimesCoversTheDatesItTouchesInTheBusinessZone() {
        // 22:30Z on 30 Dec is 23:30 in Berlin; until 01:00Z on 31 Dec is 02:00 Berlin: two Berlin dates
        assertThat(describe(parse(calendar(event("party@test", "Party", "DTSTART:20261230T223000Z", "DTEND:20261231T010000Z"),
                event("inventory@test", "Inventory", "DTSTART;TZID=America/New_York:20270105T090000",
                        "DTEND;TZID=America/New_York:20270105T170000"),
                event("evening@test", "Evening", "DTSTART:20270110T180000", "DTEND:20270111T000000")))))
                .containsExactly("Party 2026-12-30..2026-12-31", "Inventory 2027-01-05..2027-01-05",
                        "Evening 2027-01-10..2027-01-10");
    }

    @Test
    void aYearlyRuleIsExpandedOverThreeYearsFromToday() {
        List<Holiday> holidays = parse(calendar(event("labour@test", "Labour Day",
                "DTSTART;VALUE=DATE:20200501", "DTEND;VALUE=DATE:20200502", "RRULE:FREQ=YEARLY")));
        assertThat(describe(holidays)).containsExactly("Labour Day 2027-05-01..2027-05-01",
                "Labour Day 2028-05-01..2028-05-01", "Labour Day 2029-05-01..2029-05-01");
        assertThat(holidays).extracting(Holiday::id).doesNotHaveDuplicates();
        assertThat(parse(calendar(event("labour@test", "Labour Day",
                "DTSTART;VALUE=DATE:20200501", "DTEND;VALUE=DATE:20200502", "RRULE:FREQ=YEARLY"))))
                .as("the same file gives the same holidays").isEqualTo(holidays);
    }

    @Test
    void pastCancelledAndExcludedOccurrencesAreLeftOut() {
        assertThat(describe(parse(calendar(
                event("old@test", "Long ago", "DTSTART;VALUE=DATE:20250101"),
                event("off@test", "Called off", "DTSTART;VALUE=DATE:20270101", "STATUS:CANCELLED"),
                event("today@test", "Today", "DTSTART;VALUE=DATE:20261201"),
                event("monthly@test", "Closing day", "DTSTART;VALUE=DATE:20261215", "RRULE:FREQ=MONTHLY;COUNT=3",
                        "EXDATE;VALUE=DATE:20270115")))))
                .containsExactly("Today 2026-12-01..2026-12-01", "Closing day 2026-12-15..2026-12-15",
                        "Closing day 2027-02-15..2027-02-15");
    }

    @Test
    void aRealWorldExportWithTimeZonesAndAModifiedOccurrence() {
        String ics = """
                BEGIN:VCALENDAR
                PRODID:-//Google Inc//Google Calendar 70.9054//EN
                VERSION:2.0
                CALSCALE:GREGORIAN
                METHOD:PUBLISH
                X-WR-CALNAME:Salon Aurora closures
                X-WR-TIMEZONE:Europe/Berlin
                BEGIN:VTIMEZONE
                TZID:Europe/Berlin
                X-LIC-LOCATION:Europe/Berlin
                BEGIN:DAYLIGHT
                TZOFFSETFROM:+0100
                TZOFFSETTO:+0200
                TZNAME:CEST
                DTSTART:19700329T020000
                RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
                END:DAYLIGHT
                BEGIN:STANDARD
                TZOFFSETFROM:+0200
                TZOFFSETTO:+0100
                TZNAME:CET
                DTSTART:19701025T030000
                RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
                END:STANDARD
                END:VTIMEZONE
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261225
                DTEND;VALUE=DATE:20261227
                RRULE:FREQ=YEARLY
                DTSTAMP:20261120T101500Z
                UID:7kq2hd0l5v0c8b0m9m3u6s2b1c@google.com
                CREATED:20251002T081500Z
                DESCRIPTION:Closed over Christmas
                LAST-MODIFIED:20251002T081500Z
                SEQUENCE:0
                STATUS:CONFIRMED
                SUMMARY:Christmas closure
                TRANSP:TRANSPARENT
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20271224
                DTEND;VALUE=DATE:20271228
                DTSTAMP:20261120T101500Z
                UID:7kq2hd0l5v0c8b0m9m3u6s2b1c@google.com
                RECURRENCE-ID;VALUE=DATE:20271225
                SEQUENCE:1
                SUMMARY:Christmas closure (long)
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Berlin:20270328T010000
                DTEND;TZID=Europe/Berlin:20270328T050000
                DTSTAMP:20261120T101500Z
                UID:3b1f0e5a-clock-change@example.com
                SUMMARY:Staff training across the clock change with a summary long enough that the line is fol
                 ded as RFC 5545 wants
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n");
        assertThat(describe(parse(ics))).containsExactly(
                "Christmas closure 2026-12-25..2026-12-26",
                "Staff training across the clock change with a summary long enough that the line is folded as RFC 5545 wants 2027-03-28..2027-03-28",
                "Christmas closure (long) 2027-12-24..2027-12-27",
                "Christmas closure 2028-12-25..2028-12-26");
    }

    @Test
    void malformedCalendarsAreRejected() {
        assertInvalid(() -> parse("this is not a calendar"));
        assertInvalid(() -> parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:unterminated\r\n"));
        assertInvalid(() -> parse(calendar(event("x@test", "No start"))));
        assertInvalid(() -> parse(calendar(event("x@test", "Bad date", "DTSTART;VALUE=DATE:20261345"))));
        assertInvalid(() -> parse(calendar(event("x@test", "Ends before it starts", "DTSTART;VALUE=DATE:20270110",
                "DTEND;VALUE=DATE:20270101"))));
        assertInvalid(() -> parse(calendar(event("x@test", "Ends before it starts", "DTSTART:20270110T100000Z",
                "DTEND:20270110T090000Z"))));
        assertInvalid(() -> parse(calendar(event("x@test", "Every hour", "DTSTART:20270101T000000Z", "RRULE:FREQ=HOURLY"))));
    }

    @Test
    void tooLongTooManyAndTooFrequentAreRejected() {
        assertInvalid(() -> parse(calendar(event("x@test", "Sabbatical", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20280301"))));
        assertInvalid(() -> parse(calendar(event("x@test", "Every day", "DTSTART;VALUE=DATE:20270101", "RRULE:FREQ=DAILY"))));
        String[] many = new String[IcsHolidays.MAX_EVENTS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = event("e" + i + "@test", "Day " + i, "DTSTART;VALUE=DATE:20270101");
        }
        assertInvalid(() -> parse(calendar(many)));
    }

    private static void assertInvalid(ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(ErrorCode.INVALID_CALENDAR);
    }
}
