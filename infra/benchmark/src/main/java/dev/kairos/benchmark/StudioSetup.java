package dev.kairos.benchmark;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates, over HTTP, the second business the series and month phases run against: a studio in UTC with a 60-minute
 * lesson (slots every 30 minutes, bookable 60 days ahead), {@code staffCount} teachers plus {@link #WARMUP_STAFF}
 * for the series warm-up, all working 08:00–20:00 daily; then closes parts of the coming month: business holidays,
 * time off (whole days and lunch hours) and working-day overrides (days off and short days) of the teachers.
 * All dates count from tomorrow (UTC).
 */
final class StudioSetup {
    static final int WARMUP_STAFF = 2;
    /** Holidays, as day offsets from tomorrow: one single day and one two-day holiday, both inside every month queried. */
    static final int HOLIDAY_DAY = 9;
    static final int LONG_HOLIDAY_FIRST = 20;
    static final int LONG_HOLIDAY_LAST = 21;
    static final LocalTime SHORT_DAY_OPENS = LocalTime.of(10, 0);
    static final LocalTime SHORT_DAY_CLOSES = LocalTime.of(14, 0);
    static final LocalTime LUNCH = LocalTime.of(12, 0);

    /** A teacher (index into the measured staff) who cannot teach during {@code from..to}. */
    record Closed(int staff, Instant from, Instant to, String why) {
    }

    /**
     * What the setup closed: whole dates of the business, and periods of single teachers (time off, and the hours
     * outside an override); the month phase's sanity check finds no free slot inside any of them.
     */
    record Closures(List<LocalDate> holidays, List<Closed> staffClosed, int timeOffs, int overrides) {
    }

    /**
     * @param tenant  the lesson is both the booked and the queried service; {@code staff} lists every teacher,
     *                the warm-up ones last
     * @param teachers how many of them (the first) the measured phases use
     */
    record Studio(Tenant tenant, int teachers, Closures closures) {
        UUID lesson() {
            return tenant.bookedService();
        }

        List<UUID> measuredStaff() {
            return tenant.staff().subList(0, teachers);
        }

        List<UUID> warmupStaff() {
            return tenant.staff().subList(teachers, tenant.staff().size());
        }
    }

    private final KairosApi api;

    StudioSetup(KairosApi api) {
        this.api = api;
    }

    Studio create(int teachers, LocalDate today) {
        UUID business = api.registerBusiness(Map.of("name", "Benchmark Studio", "timeZone", "UTC", "currency", "EUR"));
        UUID lesson = api.defineService(business, Map.of("name", "Lesson", "duration", "PT60M",
                "price", Map.of("amount", "50.00", "currency", "EUR"), "slotInterval", "PT30M", "minimumNotice", "PT0S",
                "maxAdvanceDays", 60));
        List<UUID> staff = new ArrayList<>();
        for (int i = 0; i < teachers + WARMUP_STAFF; i++) {
            String name = i < teachers ? "Teacher " + (i + 1) : "Warm-up Teacher " + (i - teachers + 1);
            staff.add(api.registerStaff(business, Map.of("name", name, "timeZone", "UTC",
                    "workingHours", everyDay(SlotPattern.OPENS.toString(), SlotPattern.CLOSES.toString()),
                    "serviceIds", List.of(lesson))));
        }
        Tenant tenant = new Tenant(business, lesson, lesson, List.copyOf(staff));
        return new Studio(tenant, teachers, close(tenant, teachers, today.plusDays(1)));
    }

    private Closures close(Tenant tenant, int teachers, LocalDate tomorrow) {
        UUID business = tenant.businessId();
        List<LocalDate> holidays = new ArrayList<>();
        api.holiday(business, "Bench Day", tomorrow.plusDays(HOLIDAY_DAY), tomorrow.plusDays(HOLIDAY_DAY));
        holidays.add(tomorrow.plusDays(HOLIDAY_DAY));
        api.holiday(business, "Bench Break", tomorrow.plusDays(LONG_HOLIDAY_FIRST), tomorrow.plusDays(LONG_HOLIDAY_LAST));
        for (int d = LONG_HOLIDAY_FIRST; d <= LONG_HOLIDAY_LAST; d++) {
            holidays.add(tomorrow.plusDays(d));
        }
        List<Closed> closed = new ArrayList<>();
        int timeOffs = 0;
        int overrides = 0;
        for (int i = 0; i < teachers; i++) {
            UUID teacher = tenant.staff().get(i);
            if (i % 4 == 0) {
                LocalDate day = tomorrow.plusDays(3 + i % 7);
                Instant from = utc(day, LocalTime.MIDNIGHT);
                Instant to = utc(day.plusDays(1), LocalTime.MIDNIGHT);
                api.timeOff(business, teacher, from, to, "vacation day");
                closed.add(new Closed(i, from, to, "time off (whole day)"));
                timeOffs++;
            } else if (i % 4 == 1) {
                LocalDate day = tomorrow.plusDays(4 + i % 5);
                Instant from = utc(day, LUNCH);
                Instant to = from.plusSeconds(3600);
                api.timeOff(business, teacher, from, to, "lunch");
                closed.add(new Closed(i, from, to, "time off (lunch hour)"));
                timeOffs++;
            }
            if (i % 3 == 0) {
                LocalDate day = tomorrow.plusDays(12 + i % 5);
                api.overrideDay(business, teacher, day, List.of());
                closed.add(new Closed(i, utc(day, LocalTime.MIDNIGHT), utc(day.plusDays(1), LocalTime.MIDNIGHT), "override (day off)"));
                overrides++;
            } else if (i % 3 == 1) {
                LocalDate day = tomorrow.plusDays(14 + i % 5);
                api.overrideDay(business, teacher, day, List.of(Map.of("from", SHORT_DAY_OPENS.toString(), "to", SHORT_DAY_CLOSES.toString())));
                closed.add(new Closed(i, utc(day, LocalTime.MIDNIGHT), utc(day, SHORT_DAY_OPENS), "override (short day)"));
                closed.add(new Closed(i, utc(day, SHORT_DAY_CLOSES), utc(day.plusDays(1), LocalTime.MIDNIGHT), "override (short day)"));
                overrides++;
            }
        }
        return new Closures(List.copyOf(holidays), List.copyOf(closed), timeOffs, overrides);
    }

    private static Instant utc(LocalDate day, LocalTime time) {
        return day.atTime(time).toInstant(ZoneOffset.UTC);
    }

    private static Map<DayOfWeek, List<Map<String, String>>> everyDay(String from, String to) {
        Map<DayOfWeek, List<Map<String, String>>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(Map.of("from", from, "to", to)));
        }
        return hours;
    }
}
