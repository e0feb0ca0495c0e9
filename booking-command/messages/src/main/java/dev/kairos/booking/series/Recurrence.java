package dev.kairos.booking.series;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.scheduling.WorkingTime;
import net.fortuna.ical4j.model.Recur;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 5545 recurrence rule as series use it, parsed by ical4j and expanded in wall-clock time.
 *
 * <p>Supported: {@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL}, {@code BYDAY} (with an ordinal for monthly
 * rules, e.g. {@code 2TU}), {@code BYMONTHDAY}, {@code BYSETPOS}, {@code BYMONTH}, {@code WKST}, and exactly one of
 * {@code COUNT} or {@code UNTIL} (a date, a floating local date-time, or a UTC date-time ending in {@code Z}).
 * Every series is bounded: at most {@link #MAX_OCCURRENCES} occurrences.
 *
 * <p>Expansion happens on local date-times from the first wall-clock start, and only then is each occurrence
 * converted to an instant in the zone, so a weekly 09:00 appointment stays at 09:00 local across daylight-saving
 * changes. The conversion is {@link WorkingTime#instantOf}'s: a local time inside a spring-forward gap resolves to
 * the moment the gap ends (02:30 on a night that jumps from 02:00 to 03:00 becomes 03:00), an ambiguous one in a
 * fall-back overlap to the earlier offset. As in RFC 5545 expansion by ical4j, the first start is itself an
 * occurrence only if it matches the rule (weekly on Mondays from a Tuesday starts on the following Monday).
 */
public final class Recurrence {
    public static final int MAX_OCCURRENCES = 104;
    static final int MAX_LENGTH = 500;
    private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY");
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
            "BYSETPOS", "BYMONTH", "WKST");
    /** Far enough for the longest booking window (3660 days). */
    private static final int HORIZON_YEARS = 11;

    private final String rule;
    private final Recur<LocalDateTime> recur;
    private final LocalDateTime untilLocal;
    private final Instant untilInstant;

    private Recurrence(String rule, Recur<LocalDateTime> recur, LocalDateTime untilLocal, Instant untilInstant) {
        this.rule = rule;
        this.recur = recur;
        this.untilLocal = untilLocal;
        this.untilInstant = untilInstant;
    }

    /** Parses and checks a rule; a bad one is rejected with {@code invalid-recurrence} (or {@code series-too-long}). */
    public static Recurrence parse(String text) {
        BookingException.require(text != null && !text.isBlank(), ErrorCode.INVALID_RECURRENCE, "a recurrence rule is required");
        BookingException.require(text.length() <= MAX_LENGTH, ErrorCode.INVALID_RECURRENCE,
                "a recurrence rule has at most " + MAX_LENGTH + " characters");
        String rule = text.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";", -1)) {
            int eq = part.indexOf('=');
            BookingException.require(eq > 0 && eq < part.length() - 1, ErrorCode.INVALID_RECURRENCE,
                    () -> "'" + part + "' is not a NAME=VALUE rule part");
            String name = part.substring(0, eq).toUpperCase(Locale.ROOT);
            BookingException.require(PARTS.contains(name), ErrorCode.INVALID_RECURRENCE,
                    () -> "rule part " + name + " is not supported; use " + String.join(", ", PARTS.stream().sorted().toList()));
            BookingException.require(parts.put(name, part.substring(eq + 1).toUpperCase(Locale.ROOT)) == null,
                    ErrorCode.INVALID_RECURRENCE, () -> "rule part " + name + " appears twice");
        }
        String frequency = parts.get("FREQ");
        BookingException.require(frequency != null && FREQUENCIES.contains(frequency), ErrorCode.INVALID_RECURRENCE,
                "FREQ must be DAILY, WEEKLY or MONTHLY");
        BookingException.require(parts.containsKey("COUNT") != parts.containsKey("UNTIL"), ErrorCode.INVALID_RECURRENCE,
                "a series needs exactly one of COUNT or UNTIL");
        if (parts.containsKey("COUNT")) {
            int count = positive(parts.get("COUNT"), "COUNT", Integer.MAX_VALUE);
            BookingException.require(count <= MAX_OCCURRENCES, ErrorCode.SERIES_TOO_LONG,
                    () -> "a series has at most " + MAX_OCCURRENCES + " occurrences; COUNT is " + count);
        }
        if (parts.containsKey("INTERVAL")) {
            positive(parts.get("INTERVAL"), "INTERVAL", 999);
        }
        LocalDateTime untilLocal = null;
        Instant untilInstant = null;
        String until = parts.remove("UNTIL");
        if (until != null) {
            try {
                if (until.length() == 8) {
                    untilLocal = LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE).atTime(LocalTime.MAX);
                } else if (until.length() == 16 && until.endsWith("Z")) {
                    untilInstant = LocalDateTime.parse(until.substring(0, 15), UNTIL_FORMAT).toInstant(ZoneOffset.UTC);
                } else {
                    untilLocal = LocalDateTime.parse(until, UNTIL_FORMAT);
                }
            } catch (DateTimeParseException e) {
                throw new BookingException(ErrorCode.INVALID_RECURRENCE,
                        "UNTIL must be a date (20270301), a local date-time (20270301T090000) or a UTC one (20270301T080000Z)");
            }
        }
        StringBuilder forIcal = new StringBuilder();
        parts.forEach((name, value) -> forIcal.append(forIcal.isEmpty() ? "" : ";").append(name).append('=').append(value));
        try {
            return new Recurrence(rule, new Recur<>(forIcal.toString()), untilLocal, untilInstant);
        } catch (RuntimeException e) {
            throw new BookingException(ErrorCode.INVALID_RECURRENCE, "not a valid recurrence rule: " + e.getMessage());
        }
    }

    private static final DateTimeFormatter UNTIL_FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private static int positive(String value, String name, int max) {
        try {
            int n = Integer.parseInt(value);
            BookingException.require(n >= 1 && n <= max, ErrorCode.INVALID_RECURRENCE,
                    () -> name + " must be between 1 and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new BookingException(ErrorCode.INVALID_RECURRENCE, name + " must be a whole number");
        }
    }

    /** The rule as given, without an {@code RRULE:} prefix. */
    public String rule() {
        return rule;
    }

    /**
     * The occurrences from {@code firstStart} (wall clock in {@code zone}), in order, indexed from 0. Rejects a rule
     * that yields nothing ({@code invalid-recurrence}) or more than {@link #MAX_OCCURRENCES} ({@code series-too-long}).
     */
    public List<Occurrence> expand(LocalDateTime firstStart, ZoneId zone) {
        LocalDateTime end;
        if (untilLocal != null) {
            end = untilLocal;
        } else if (untilInstant != null) {
            // a day of margin either way for the zone's offset; the instant itself decides below
            end = LocalDateTime.ofInstant(untilInstant, ZoneOffset.UTC).plusDays(1);
        } else {
            end = firstStart.plusYears(HORIZON_YEARS);
        }
        if (end.isBefore(firstStart)) {
            throw new BookingException(ErrorCode.INVALID_RECURRENCE, "UNTIL lies before the first start " + firstStart);
        }
        List<LocalDateTime> dates;
        try {
            dates = recur.getDates(firstStart, firstStart, end.plusSeconds(1), MAX_OCCURRENCES + 2);
        } catch (RuntimeException e) {
            throw new BookingException(ErrorCode.INVALID_RECURRENCE, "the recurrence rule cannot be expanded: " + e.getMessage());
        }
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDateTime local : dates) {
            if (local.isBefore(firstStart) || local.isAfter(end)) {
                continue;
            }
            Instant start = WorkingTime.instantOf(zone, local);
            if (untilInstant != null && start.isAfter(untilInstant)) {
                continue;
            }
            occurrences.add(new Occurrence(occurrences.size(), local, start));
        }
        BookingException.require(!occurrences.isEmpty(), ErrorCode.INVALID_RECURRENCE,
                () -> "the rule " + rule + " yields no occurrence from " + firstStart);
        BookingException.require(occurrences.size() <= MAX_OCCURRENCES, ErrorCode.SERIES_TOO_LONG,
                () -> "a series has at most " + MAX_OCCURRENCES + " occurrences; " + rule + " has more");
        return List.copyOf(occurrences);
    }
}
