package dev.kairos.availability;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A fresh, migrated database on the shared real PostgreSQL server, plus event builders. Nothing reads the clock. */
final class ScheduleDb {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private ScheduleDb() {
    }

    static JdbcTemplate migratedDatabase() {
        String url = LocalPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/availability").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        dataSource.setDriverClassName("org.postgresql.Driver");
        return new JdbcTemplate(dataSource);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static BusinessRegistered business(BusinessId id, String name, ZoneId zone) {
        return new BusinessRegistered(id, new BusinessProfile(name, zone, "EUR", Map.of("theme", "dark")));
    }

    static ServiceTerms terms(String name, int minutes, int bufferBefore, int bufferAfter, int interval, Duration notice,
                              int maxAdvanceDays) {
        return new ServiceTerms(name, name + " description", Duration.ofMinutes(minutes), new Money(new BigDecimal("45.50"), "EUR"),
                Duration.ofMinutes(bufferBefore), Duration.ofMinutes(bufferAfter), Duration.ofMinutes(interval), notice,
                maxAdvanceDays, null, 1, null);
    }

    static ServiceDefined service(ServiceId id, BusinessId business, ServiceTerms terms) {
        return new ServiceDefined(id, business, terms);
    }

    static WeeklySchedule on(DayOfWeek day, String... specs) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        days.put(day, intervals(specs));
        return new WeeklySchedule(days);
    }

    static WeeklySchedule everyDay(String... specs) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, intervals(specs));
        }
        return new WeeklySchedule(days);
    }

    static List<WorkingInterval> intervals(String... specs) {
        return java.util.Arrays.stream(specs).map(s -> s.split("-"))
                .map(p -> new WorkingInterval(LocalTime.parse(p[0]), LocalTime.parse(p[1]))).toList();
    }

    static StaffMemberRegistered staff(StaffId id, BusinessId business, String name, ZoneId zone, WeeklySchedule schedule,
                                       ServiceId... services) {
        return new StaffMemberRegistered(id, business, new StaffProfile(name, name.toLowerCase().replace(' ', '.') + "@example.com",
                "+4930123456", zone), schedule, Set.of(services));
    }

    static CustomerDetails customer(String name) {
        return new CustomerDetails(name, name.toLowerCase().replace(' ', '.') + "@example.com", "+4917012345678");
    }

    /** A booking of {@code minutes} at {@code start}, blocking {@code bufferBefore}/{@code bufferAfter} around it. */
    static AppointmentBooked booked(AppointmentId id, BusinessId business, StaffId staff, ServiceId service, CustomerId customerId,
                                    Instant start, int minutes, int bufferBefore, int bufferAfter) {
        TimeSlot slot = TimeSlot.of(start, Duration.ofMinutes(minutes));
        return new AppointmentBooked(id, business, staff, service, customerId, customer("Ada Lovelace"), slot,
                slot.widen(Duration.ofMinutes(bufferBefore), Duration.ofMinutes(bufferAfter)), "window seat",
                Map.of("source", "web"), NOW);
    }

    static AppointmentBooked booked(AppointmentId id, BusinessId business, StaffId staff, ServiceId service, Instant start,
                                    int minutes) {
        return booked(id, business, staff, service, new CustomerId(UUID.randomUUID()), start, minutes, 0, 0);
    }

    static AppointmentTransferredIn transferredIn(AppointmentBooked booking, StaffId to, Instant newStart, int minutes,
                                                  AppointmentStatus status, long revision) {
        TimeSlot slot = TimeSlot.of(newStart, Duration.ofMinutes(minutes));
        return new AppointmentTransferredIn(booking.appointmentId(), booking.businessId(), to, booking.staffId(),
                booking.serviceId(), booking.customerId(), booking.customer(), booking.slot(), slot, slot, status,
                booking.notes(), booking.metadata(), booking.bookedAt(), revision);
    }

    static AppointmentId appointmentId() {
        return new AppointmentId(UUID.randomUUID());
    }

    static BusinessId businessId() {
        return new BusinessId(UUID.randomUUID());
    }

    static ServiceId serviceId() {
        return new ServiceId(UUID.randomUUID());
    }

    static StaffId staffId() {
        return new StaffId(UUID.randomUUID());
    }
}
