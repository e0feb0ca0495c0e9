package dev.kairos.edge.holidays;

import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads holidays from an iCalendar file (RFC 5545) with ical4j. Each VEVENT becomes a holiday covering the local
 * dates it touches in the business's zone: an all-day event ({@code VALUE=DATE}) its dates, with {@code DTEND}
 * exclusive; an event with times every date it touches. Recurring events ({@code RRULE}, {@code RDATE},
 * {@code EXDATE}) are expanded from today until {@value #HORIZON_YEARS} years ahead; a modified occurrence
 * ({@code RECURRENCE-ID}) replaces the one it modifies; cancelled events and holidays already over are left out.
 *
 * <p>Ids derive from the business, the event's {@code UID} and the occurrence's first date, so importing the same
 * calendar again yields the same holidays, which the business then already has.
 */
final class IcsHolidays {
    static final int HORIZON_YEARS = 3;
    static final int MAX_EVENTS = 2000;
    static final int MAX_HOLIDAYS = 500;
    private static final String DEFAULT_NAME = "Holiday";

    private IcsHolidays() {
    }

    /** The holidays of {@code ics} for a business in {@code zone}, today being {@code now} there; in date order. */
    static List<Holiday> parse(String ics, BusinessId businessId, ZoneId zone, Instant now) {
        Calendar calendar = read(ics);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.size() > MAX_EVENTS) {
            throw invalid("the calendar has " + events.size() + " events; at most " + MAX_EVENTS + " are read");
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate horizon = today.plusYears(HORIZON_YEARS);
        Map<HolidayId, Holiday> occurrences = new LinkedHashMap<>();
        Map<HolidayId, Holiday> modified = new LinkedHashMap<>();
        for (VEvent event : events) {
            if (text(event, Property.STATUS).map("CANCELLED"::equalsIgnoreCase).orElse(false)) {
                continue;
            }
            String uid = text(event, Property.UID).orElse(null);
            String name = name(event);
            DateProperty<Temporal> start = event.<DateProperty<Temporal>>getProperty(Property.DTSTART)
                    .orElseThrow(() -> invalid("an event (" + name + ") has no DTSTART"));
            Temporal first = start.getDate();
            Optional<DateProperty<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent()) {
                LocalDate original = localDate(recurrenceId.get().getDate(), zone);
                DateRange range = covered(first, end(event, first), zone);
                modified.put(idOf(businessId, uid, name, original), holiday(businessId, uid, name, original, range));
            } else if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
                requireDailyOrSlower(event, name);
                for (Period<Temporal> occurrence : expand(event, first, today, horizon, zone)) {
                    DateRange range = covered(occurrence.getStart(), occurrence.getEnd(), zone);
                    occurrences.put(idOf(businessId, uid, name, range.from()), holiday(businessId, uid, name, range.from(), range));
                }
            } else {
                DateRange range = covered(first, end(event, first), zone);
                occurrences.put(idOf(businessId, uid, name, range.from()), holiday(businessId, uid, name, range.from(), range));
            }
        }
        occurrences.putAll(modified);
        List<Holiday> holidays = occurrences.values().stream()
                .filter(h -> !h.to().isBefore(today) && !h.from().isAfter(horizon))
                .sorted(java.util.Comparator.comparing(Holiday::from).thenComparing(h -> h.id().id()))
                .toList();
        if (holidays.size() > MAX_HOLIDAYS) {
            throw invalid("the calendar holds " + holidays.size() + " holidays in the next " + HORIZON_YEARS
                    + " years; at most " + MAX_HOLIDAYS + " are imported at once");
        }
        return holidays;
    }

    private static Calendar read(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw invalid("not a valid iCalendar file: " + firstLine(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw invalid("not a valid iCalendar file: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** Holidays are whole days: a rule repeating more often than daily is not a holiday calendar. */
    private static void requireDailyOrSlower(VEvent event, String name) {
        Optional<RRule<Temporal>> rule = event.getProperty(Property.RRULE);
        if (rule.isPresent()) {
            Frequency frequency = rule.get().getRecur().getFrequency();
            if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY || frequency == Frequency.HOURLY) {
                throw invalid("the event '" + name + "' repeats " + frequency.name().toLowerCase() + "; holidays repeat daily at most");
            }
        }
    }

    /** The event's occurrences whose start lies between a day before today and a day after the horizon. */
    private static Set<Period<Temporal>> expand(VEvent event, Temporal first, LocalDate today, LocalDate horizon, ZoneId zone) {
        LocalDate from = today.minusDays(Holiday.LONGEST_DAYS + 1L);
        LocalDate to = horizon.plusDays(1);
        Period<? extends Temporal> window;
        if (first instanceof LocalDate) {
            window = new Period<>(from, to);
        } else if (first instanceof ZonedDateTime z) {
            window = new Period<>(from.atStartOfDay(z.getZone()), to.atStartOfDay(z.getZone()));
        } else if (first instanceof LocalDateTime) {
            window = new Period<>(from.atStartOfDay(), to.atStartOfDay());
        } else if (first instanceof OffsetDateTime o) {
            window = new Period<>(from.atStartOfDay(o.getOffset()).toOffsetDateTime(), to.atStartOfDay(o.getOffset()).toOffsetDateTime());
        } else {
            window = new Period<>(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
        }
        try {
            return event.calculateRecurrenceSet(window);
        } catch (RuntimeException e) {
            throw invalid("the recurrence of an event cannot be expanded: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** DTEND, else DTSTART plus DURATION, else the start itself (a one-day event for a date, an instant for a time). */
    private static Temporal end(VEvent event, Temporal first) {
        Optional<DateProperty<Temporal>> end = event.getProperty(Property.DTEND);
        if (end.isPresent()) {
            return end.get().getDate();
        }
        Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            return first.plus(amount);
        }
        return first instanceof LocalDate date ? date.plusDays(1) : first;
    }

    record DateRange(LocalDate from, LocalDate to) {
    }

    /**
     * The business's local dates from {@code start} to {@code end}: dates are taken as they are (end exclusive), times
     * as the dates they touch in the business's zone (an end at midnight does not touch the next date).
     */
    static DateRange covered(Temporal start, Temporal end, ZoneId zone) {
        if (start instanceof LocalDate from) {
            LocalDate until = end instanceof LocalDate e ? e : localDate(end, zone).plusDays(1);
            if (until.isBefore(from)) {
                throw invalid("an event ends (" + until + ") before it starts (" + from + ")");
            }
            return new DateRange(from, until.isAfter(from) ? until.minusDays(1) : from);
        }
        ZonedDateTime from = zoned(start, zone);
        ZonedDateTime to = zoned(end, zone);
        LocalDate first = from.toLocalDate();
        if (to.isBefore(from)) {
            throw invalid("an event ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.isEqual(from)) {
            return new DateRange(first, first);
        }
        LocalDate last = to.minusNanos(1).toLocalDate();
        return new DateRange(first, last.isBefore(first) ? first : last);
    }

    private static LocalDate localDate(Temporal value, ZoneId zone) {
        return value instanceof LocalDate date ? date : zoned(value, zone).toLocalDate();
    }

    /** A time of the calendar in the business's zone; a floating time is taken as the business's wall clock. */
    private static ZonedDateTime zoned(Temporal value, ZoneId zone) {
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone);
        }
        if (value instanceof Instant i) {
            return i.atZone(zone);
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(zone);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(zone);
        }
        throw invalid("unsupported date value " + value);
    }

    private static Holiday holiday(BusinessId businessId, String uid, String name, LocalDate key, DateRange range) {
        try {
            return new Holiday(idOf(businessId, uid, name, key), name, range.from(), range.to());
        } catch (BookingException e) {
            throw invalid("the event '" + name + "' on " + key + " is not a holiday: " + e.getMessage());
        }
    }

    static HolidayId idOf(BusinessId businessId, String uid, String name, LocalDate firstDate) {
        String source = uid != null && !uid.isBlank() ? "uid:" + uid : "summary:" + name;
        return new HolidayId(UUID.nameUUIDFromBytes((businessId + "|holiday|" + source + "|" + firstDate)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String name(VEvent event) {
        String summary = text(event, Property.SUMMARY).map(String::strip).orElse("");
        if (summary.isEmpty()) {
            return DEFAULT_NAME;
        }
        return summary.length() > Holiday.NAME_LENGTH ? summary.substring(0, Holiday.NAME_LENGTH).strip() : summary;
    }

    private static Optional<String> text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).filter(v -> !v.isBlank());
    }

    private static BookingException invalid(String detail) {
        return new BookingException(ErrorCode.INVALID_CALENDAR, detail);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
