package dev.kairos.availability;

import dev.kairos.booking.calendar.DateOverrides;
import dev.kairos.booking.calendar.WeeklySchedule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working hours parsed from their stored JSON, remembered by the JSON text itself: the same text always means the
 * same schedule, so a remembered one is never stale. Bounded; emptied when full.
 */
final class ParsedSchedules {
    static final int CAPACITY = 10_000;
    private final Map<String, WeeklySchedule> byJson = new ConcurrentHashMap<>();
    private final Map<String, DateOverrides> overridesByJson = new ConcurrentHashMap<>();

    DateOverrides parseOverrides(String json) {
        if ("{}".equals(json)) {
            return DateOverrides.NONE;
        }
        DateOverrides overrides = overridesByJson.get(json);
        if (overrides == null) {
            overrides = ViewJson.read("{\"days\":" + json + "}", DateOverrides.class);
            if (overridesByJson.size() >= CAPACITY) {
                overridesByJson.clear();
            }
            overridesByJson.put(json, overrides);
        }
        return overrides;
    }

    WeeklySchedule parse(String json) {
        WeeklySchedule schedule = byJson.get(json);
        if (schedule == null) {
            schedule = ViewJson.read(json, WeeklySchedule.class);
            if (byJson.size() >= CAPACITY) {
                byJson.clear();
            }
            byJson.put(json, schedule);
        }
        return schedule;
    }
}
