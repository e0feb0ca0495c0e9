package dev.kairos.benchmark;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates the benchmark's business over HTTP: one business in UTC, two services, staff working 08:00–20:00 daily. */
final class TenantSetup {
    private final KairosApi api;

    TenantSetup(KairosApi api) {
        this.api = api;
    }

    Tenant create(int staffCount, int queryStaffCount) {
        UUID business = api.registerBusiness(Map.of("name", "Benchmark Clinic", "timeZone", "UTC", "currency", "EUR"));
        UUID booked = api.defineService(business, service("Check-up", "PT30M"));
        UUID queried = api.defineService(business, service("Consultation", "PT60M"));
        List<UUID> staff = new ArrayList<>();
        for (int i = 0; i < staffCount; i++) {
            List<UUID> services = i < queryStaffCount ? List.of(booked, queried) : List.of(booked);
            staff.add(api.registerStaff(business, Map.of("name", "Staff " + (i + 1), "timeZone", "UTC",
                    "workingHours", everyDay(SlotPattern.OPENS.toString(), SlotPattern.CLOSES.toString()), "serviceIds", services)));
        }
        return new Tenant(business, booked, queried, List.copyOf(staff));
    }

    private static Map<String, Object> service(String name, String duration) {
        return Map.of("name", name, "duration", duration, "price", Map.of("amount", "40.00", "currency", "EUR"),
                "slotInterval", "PT30M", "minimumNotice", "PT0S", "maxAdvanceDays", 60);
    }

    private static Map<DayOfWeek, List<Map<String, String>>> everyDay(String from, String to) {
        Map<DayOfWeek, List<Map<String, String>>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(Map.of("from", from, "to", to)));
        }
        return hours;
    }
}
