package dev.kairos.availability;

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
