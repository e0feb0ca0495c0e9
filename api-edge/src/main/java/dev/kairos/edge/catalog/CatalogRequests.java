package dev.kairos.edge.catalog;

import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.catalog.ChangeWindow;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.Zones;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Request bodies of the catalog API and their translation into message values. */
final class CatalogRequests {
    private CatalogRequests() {
    }

    record BusinessRequest(String name, String timeZone, String currency, Map<String, String> settings) {
        BusinessProfile profile() {
            if (settings != null) {
                settings.forEach((k, v) -> BookingException.require(k.length() <= 64 && v != null && v.length() <= 1000,
                        ErrorCode.VALIDATION_FAILED, "setting keys have at most 64 characters, values at most 1000"));
            }
            return new BusinessProfile(name, Zones.require(timeZone), currency, settings);
        }
    }

    record MoneyRequest(String amount, String currency) {
        Money money() {
            BookingException.require(amount != null, ErrorCode.INVALID_MONEY, "price.amount is required, as a decimal string");
            try {
                return new Money(new BigDecimal(amount), currency);
            } catch (NumberFormatException e) {
                throw new BookingException(ErrorCode.INVALID_MONEY, "price.amount must be a decimal string such as \"25.00\"");
            }
        }
    }

    /** At most {@code max} bookings per customer per {@code period} ("day", "week", "month" in the business's zone). */
    record CustomerLimitRequest(Integer max, String period) {
        CustomerLimit limit() {
            BookingException.require(max != null, ErrorCode.INVALID_LIMIT, "customerLimit.max is required");
            return new CustomerLimit(max, CustomerLimit.Period.parse(period));
        }
    }

    /**
     * One policy window: free while at least {@code freeUntilBefore} remains before the start, then for {@code fee},
     * not at all within the last {@code closedWithin}. All optional.
     */
    record ChangeWindowRequest(Duration freeUntilBefore, Duration closedWithin, MoneyRequest fee) {
        ChangeWindow window(String what) {
            Money money = null;
            if (fee != null) {
                BookingException.require(fee.amount() != null, ErrorCode.INVALID_MONEY, what + ".fee.amount is required, as a decimal string");
                money = fee.money();
            }
            return new ChangeWindow(freeUntilBefore, closedWithin, money);
        }
    }

    /** A service's cancellation and reschedule policy; either part may be left out (no restrictions). */
    record ChangePolicyRequest(ChangeWindowRequest cancellation, ChangeWindowRequest reschedule) {
        ChangePolicy policy() {
            return new ChangePolicy(cancellation == null ? null : cancellation.window("cancellation"),
                    reschedule == null ? null : reschedule.window("reschedule"));
        }
    }

    /**
     * Durations are ISO-8601 (PT45M). Defaults: no buffers, slots every {@code duration}, no notice, 90 days ahead,
     * no customer limit, one customer at a time ({@code capacity} seats for a group service), no change policy.
     */
    record ServiceRequest(String name, String description, Duration duration, MoneyRequest price, Duration bufferBefore,
                          Duration bufferAfter, Duration slotInterval, Duration minimumNotice, Integer maxAdvanceDays,
                          CustomerLimitRequest customerLimit, Integer capacity, ChangePolicyRequest changePolicy) {
        ServiceTerms terms() {
            BookingException.require(price != null, ErrorCode.INVALID_MONEY, "price is required");
            BookingException.require(duration != null, ErrorCode.INVALID_DURATION, "duration is required");
            return new ServiceTerms(name, description, duration, price.money(),
                    bufferBefore == null ? Duration.ZERO : bufferBefore,
                    bufferAfter == null ? Duration.ZERO : bufferAfter,
                    slotInterval == null ? duration : slotInterval,
                    minimumNotice == null ? Duration.ZERO : minimumNotice,
                    maxAdvanceDays == null ? 90 : maxAdvanceDays,
                    customerLimit == null ? null : customerLimit.limit(), capacity,
                    changePolicy == null ? null : changePolicy.policy());
        }
    }

    /** Wall-clock hours "HH:mm"; "24:00" ends an interval at midnight. */
    record HoursRequest(String from, String to) {
        WorkingInterval interval() {
            BookingException.require(from != null && to != null, ErrorCode.INVALID_WORKING_HOURS, "from and to are required");
            return new WorkingInterval(time(from), "24:00".equals(to) ? LocalTime.MIDNIGHT : time(to));
        }

        private static LocalTime time(String value) {
            BookingException.require(value.matches("\\d{2}:\\d{2}"), ErrorCode.INVALID_WORKING_HOURS,
                    "working hours are HH:mm, got " + value);
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new BookingException(ErrorCode.INVALID_WORKING_HOURS, "no such time of day: " + value);
            }
        }
    }

    /** One date's hours; an empty list is a day off. */
    record DayHoursRequest(List<HoursRequest> hours) {
        List<WorkingInterval> intervals() {
            BookingException.require(hours != null, ErrorCode.INVALID_WORKING_HOURS,
                    "hours is required: a list of intervals, empty for a day off");
            BookingException.require(hours.stream().allMatch(java.util.Objects::nonNull), ErrorCode.INVALID_WORKING_HOURS,
                    "hours must be a list of intervals");
            return hours.stream().map(HoursRequest::interval).toList();
        }
    }

    record StaffRequest(String name, String email, String phone, String timeZone,
                        Map<DayOfWeek, List<HoursRequest>> workingHours, Set<UUID> serviceIds) {
        StaffProfile profile() {
            return new StaffProfile(name, email, phone, Zones.require(timeZone));
        }

        WeeklySchedule schedule() {
            Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
            if (workingHours != null) {
                workingHours.forEach((day, hours) -> {
                    BookingException.require(hours != null && hours.stream().allMatch(java.util.Objects::nonNull),
                            ErrorCode.INVALID_WORKING_HOURS, "working hours of " + day + " must be a list of intervals");
                    days.put(day, hours.stream().map(HoursRequest::interval).toList());
                });
            }
            return new WeeklySchedule(days);
        }

        Set<ServiceId> services() {
            BookingException.require(serviceIds == null || serviceIds.size() <= 500, ErrorCode.VALIDATION_FAILED,
                    "at most 500 services per staff member");
            return serviceIds == null ? Set.of() : serviceIds.stream().map(ServiceId::new).collect(Collectors.toSet());
        }
    }
}
