package dev.kairos.availability;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kairos.availability.Views.HoldView;
import dev.kairos.availability.Views.WaitlistEntryView;
import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.availability.Views.AvailabilityView;
import dev.kairos.availability.Views.BusinessView;
import dev.kairos.availability.Views.HolidayView;
import dev.kairos.availability.Views.HoursView;
import dev.kairos.availability.Views.LocalTimes;
import dev.kairos.availability.Views.Page;
import dev.kairos.availability.Views.OccurrenceView;
import dev.kairos.availability.Views.SeriesView;
import dev.kairos.availability.Views.PolicyDecisionView;
import dev.kairos.availability.Views.ServiceView;
import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.availability.Views.SlotView;
import dev.kairos.availability.Views.StaffView;
import dev.kairos.availability.Views.TimeOffView;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.DateOverrides;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.scheduling.BookingWindow;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.scheduling.BusyTimes;
import dev.kairos.booking.scheduling.FreeSlots;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Reads of the schedule read model, all scoped to one business (tenant). */
@Component
public class ScheduleQueries {
    public static final int MAX_RANGE_DAYS = 62;
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final String LIVE = "('SCHEDULED', 'CONFIRMED')";

    private final JdbcTemplate jdbc;
    private final ParsedSchedules schedules = new ParsedSchedules();

    public ScheduleQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- catalog

    public Optional<BusinessView> business(BusinessId businessId) {
        return jdbc.query("SELECT * FROM business_view WHERE business_id = ?", (rs, i) -> new BusinessView(
                rs.getObject("business_id", UUID.class), rs.getString("name"), rs.getString("zone"),
                rs.getString("currency"), ViewJson.read(rs.getString("settings"), Map.class), rs.getBoolean("active"),
                rs.getLong("revision")), businessId.id()).stream().findFirst();
    }

    public Optional<ServiceView> service(BusinessId businessId, ServiceId serviceId) {
        return jdbc.query("SELECT * FROM service_view WHERE service_id = ? AND business_id = ?", this::mapService,
                serviceId.id(), businessId.id()).stream().findFirst();
    }

    public List<ServiceView> services(BusinessId businessId) {
        return jdbc.query("SELECT * FROM service_view WHERE business_id = ? ORDER BY name, service_id LIMIT 1000",
                this::mapService, businessId.id());
    }

    public Optional<StaffView> staff(BusinessId businessId, StaffId staffId) {
        return jdbc.query(STAFF_SELECT + " WHERE s.staff_id = ? AND s.business_id = ?", this::mapStaff, staffId.id(),
                businessId.id()).stream().findFirst();
    }

    public List<StaffView> staff(BusinessId businessId) {
        return jdbc.query(STAFF_SELECT + " WHERE s.business_id = ? ORDER BY s.name, s.staff_id LIMIT 1000", this::mapStaff,
                businessId.id());
    }

    private static final String STAFF_SELECT = "SELECT s.*, ARRAY(SELECT ss.service_id FROM staff_service ss "
            + "WHERE ss.staff_id = s.staff_id ORDER BY ss.service_id) AS service_ids FROM staff_view s";

    // ---- series

    /** Occurrences as the series row stores them: the {@code SeriesBooked} event's outcomes. */
    private static final TypeReference<List<OccurrenceOutcome>> OCCURRENCES = new TypeReference<>() {
    };

    /** The series with every occurrence: booked ones with their appointment's current state, skipped ones with their code. */
    public Optional<SeriesView> series(BusinessId businessId, SeriesId seriesId) {
        return jdbc.query("SELECT * FROM series_view WHERE series_id = ? AND business_id = ?", (rs, i) -> {
            ZoneId zone = ZoneId.of(rs.getString("zone"));
            List<OccurrenceOutcome> stored;
            try {
                stored = ViewJson.MAPPER.readValue(rs.getString("occurrences"), OCCURRENCES);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored series occurrences unreadable", e);
            }
            Map<UUID, Object[]> appointments = new HashMap<>();
            jdbc.query("SELECT appointment_id, status, start_at, revision FROM appointment_view WHERE series_id = ?",
                    (ResultSet a) -> {
                        appointments.put(a.getObject(1, UUID.class), new Object[]{a.getString(2),
                                a.getTimestamp(3).toInstant(), a.getLong(4)});
                    }, seriesId.id());
            List<OccurrenceView> occurrences = new ArrayList<>();
            for (OccurrenceOutcome o : stored) {
                Object[] row = o.code() == null ? appointments.get(o.appointmentId().id()) : null;
                Instant start = row == null ? o.start() : (Instant) row[1];
                String status = o.code() != null ? "SKIPPED" : row == null ? "SCHEDULED" : (String) row[0];
                occurrences.add(new OccurrenceView(o.index(), o.code() == null ? o.appointmentId().id() : null, status,
                        start.atZone(zone).toOffsetDateTime(), start.atZone(zone).toLocalDateTime(), zone.getId(),
                        o.code(), row == null ? null : (Long) row[2]));
            }
            return new SeriesView(rs.getObject("series_id", UUID.class), rs.getObject("business_id", UUID.class),
                    rs.getObject("staff_id", UUID.class), rs.getObject("service_id", UUID.class),
                    rs.getObject("customer_id", UUID.class), rs.getString("rule"),
                    rs.getObject("first_start", LocalDateTime.class), zone.getId(), rs.getString("mode"), occurrences);
        }, seriesId.id(), businessId.id()).stream().findFirst();
    }

    // ---- appointments

    public Optional<AppointmentView> appointment(BusinessId businessId, AppointmentId appointmentId) {
        return jdbc.query(APPOINTMENT_SELECT + " WHERE a.appointment_id = ? AND a.business_id = ?", this::mapAppointment,
                appointmentId.id(), businessId.id()).stream().findFirst();
    }

    /** Appointments starting in {@code [from, to)}, ordered by start then id, a page at a time. */
    public Page<AppointmentView> appointments(BusinessId businessId, Instant from, Instant to, StaffId staffId,
                                              AppointmentStatus status, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(APPOINTMENT_SELECT + " WHERE a.business_id = ?");
        List<Object> args = new ArrayList<>(List.of(businessId.id()));
        if (from != null) {
            sql.append(" AND a.start_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND a.start_at < ?");
            args.add(Timestamp.from(to));
        }
        if (staffId != null) {
            sql.append(" AND a.staff_id = ?");
            args.add(staffId.id());
        }
        if (status != null) {
            sql.append(" AND a.status = ?");
            args.add(status.name());
        }
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            sql.append(" AND (a.start_at, a.appointment_id) > (?, ?)");
            args.add(Timestamp.from(c.start()));
            args.add(c.id());
        }
        sql.append(" ORDER BY a.start_at, a.appointment_id LIMIT ?");
        args.add(limit + 1);
        List<AppointmentView> rows = jdbc.query(sql.toString(), this::mapAppointment, args.toArray());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<AppointmentView> page = rows.subList(0, limit);
        AppointmentView last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), new Cursor(last.start().toInstant(), last.id()).encode());
    }

    private static final String APPOINTMENT_SELECT = "SELECT a.*, COALESCE(s.zone, 'UTC') AS staff_zone, b.zone AS business_zone, "
            + "(SELECT jsonb_agg(jsonb_build_object('revision', d.revision, 'change', d.change, 'initiatedBy', d.initiated_by, "
            + "'feeAmount', d.fee_amount, 'feeCurrency', d.fee_currency, 'actor', d.override_actor, 'reason', d.override_reason, "
            + "'decidedAt', d.decided_at) ORDER BY d.revision) FROM appointment_policy_decision d "
            + "WHERE d.appointment_id = a.appointment_id) AS policy_decisions "
            + "FROM appointment_view a LEFT JOIN staff_view s ON s.staff_id = a.staff_id "
            + "LEFT JOIN business_view b ON b.business_id = a.business_id";

    /** One row of {@code policy_decisions} as aggregated in SQL. */
    private record DecisionRow(long revision, String change, String initiatedBy, java.math.BigDecimal feeAmount,
                               String feeCurrency, String actor, String reason, OffsetDateTime decidedAt) {
        PolicyDecisionView view() {
            return new PolicyDecisionView(revision, change, initiatedBy,
                    feeAmount == null ? null : new Money(feeAmount.stripTrailingZeros(), feeCurrency),
                    actor == null ? null : new PolicyOverride(actor, reason), decidedAt.toInstant());
        }
    }

    /** An opaque position in the appointment list. */
    record Cursor(Instant start, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((start + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new BookingException(ErrorCode.VALIDATION_FAILED, "cursor is not valid");
            }
        }
    }

    // ---- availability

    /**
     * Free slots of a service over the local dates {@code [from, to]} of {@code zone}, across every active staff
     * member providing it (or only {@code onlyStaff}).
     */
    public AvailabilityView freeSlots(BusinessId businessId, ServiceId serviceId, StaffId onlyStaff, LocalDate from,
                                      LocalDate to, ZoneId zone, Instant now) {
        BookingException.require(!to.isBefore(from), ErrorCode.INVALID_TIME_RANGE, "'to' must not be before 'from'");
        BookingException.require(!to.isAfter(from.plusDays(MAX_RANGE_DAYS - 1)), ErrorCode.INVALID_TIME_RANGE,
                "at most " + MAX_RANGE_DAYS + " days at a time");
        ServiceView service = service(businessId, serviceId)
                .orElseThrow(() -> new BookingException(ErrorCode.SERVICE_NOT_FOUND, "service not found: " + serviceId));
        if (onlyStaff != null) {
            BookingException.require(staffExists(businessId, onlyStaff), ErrorCode.STAFF_NOT_FOUND, "staff not found: " + onlyStaff);
        }
        Optional<BusinessView> business = business(businessId);
        ZoneId displayZone = zone != null ? zone : business.map(b -> ZoneId.of(b.timeZone())).orElse(ZoneId.of("UTC"));
        boolean bookable = service.active() && business.map(BusinessView::active).orElse(false);
        Instant rangeStart = from.atStartOfDay(displayZone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(displayZone).toInstant();
        Map<Instant, List<UUID>> byStart = bookable
                ? freeStarts(businessId, service.terms(), serviceId, onlyStaff, rangeStart, rangeEnd, now)
                : Map.of();
        List<SlotView> slots = new ArrayList<>(byStart.size());
        byStart.forEach((start, staff) -> slots.add(new SlotView(start.atZone(displayZone).toOffsetDateTime(),
                start.plus(service.duration()).atZone(displayZone).toOffsetDateTime(), staff)));
        return new AvailabilityView(serviceId.id(), onlyStaff == null ? null : onlyStaff.id(), displayZone.getId(),
                from, to, slots);
    }

    private Map<Instant, List<UUID>> freeStarts(BusinessId businessId, ServiceTerms terms, ServiceId serviceId,
                                                StaffId onlyStaff, Instant rangeStart, Instant rangeEnd, Instant now) {
        List<StaffSchedule> staff = jdbc.query("SELECT s.staff_id, s.zone, s.schedule, s.overrides, s.limit_per_day, "
                        + "s.limit_per_week FROM staff_service ss "
                        + "JOIN staff_view s ON s.staff_id = ss.staff_id "
                        + "WHERE ss.service_id = ? AND s.business_id = ? AND s.active" + (onlyStaff == null ? "" : " AND s.staff_id = ?"),
                (rs, i) -> new StaffSchedule(rs.getObject(1, UUID.class), ZoneId.of(rs.getString(2)),
                        schedules.parse(rs.getString(3)), schedules.parseOverrides(rs.getString(4)), limits(rs)),
                onlyStaff == null ? new Object[]{serviceId.id(), businessId.id()}
                        : new Object[]{serviceId.id(), businessId.id(), onlyStaff.id()});
        Map<Instant, List<UUID>> byStart = new TreeMap<>();
        if (staff.isEmpty()) {
            return byStart;
        }
        // only busy time that can collide with a candidate widened by this service's buffers
        Busy busy = busyTimes(staff, rangeStart.minus(terms.bufferBefore()),
                rangeEnd.plus(terms.duration()).plus(terms.bufferAfter()), now, serviceId, terms);
        BookingWindow window = BookingWindow.of(terms, now);
        Map<UUID, List<Instant>> booked = bookedStarts(staff, rangeStart, rangeEnd, now);
        // the business's holidays are busy time of every staff member, whatever their own zone
        BusyTimes closed = BusyTimes.of(holidayPeriods(businessId, rangeStart.minus(terms.bufferBefore()),
                rangeEnd.plus(terms.duration()).plus(terms.bufferAfter())));
        for (StaffSchedule s : staff) {
            BusyTimes staffBusy = busy.all().getOrDefault(s.staffId(), BusyTimes.none());
            LimitCounts counts = new LimitCounts(s.limits(), s.zone(), booked.getOrDefault(s.staffId(), List.of()));
            Set<Instant> open = busy.openSessions().getOrDefault(s.staffId(), Set.of());
            Set<Instant> starts = new TreeSet<>(FreeSlots.find(s.schedule(), s.overrides(), s.zone(), staffBusy, terms, window,
                    rangeStart, rangeEnd));
            if (!open.isEmpty()) {
                // a group session with seats left is offered at its own start, as if its seats were not there
                BusyTimes outsideSessions = busy.outsideOpenSessions().getOrDefault(s.staffId(), BusyTimes.none());
                FreeSlots.find(s.schedule(), s.overrides(), s.zone(), outsideSessions, terms, window, rangeStart, rangeEnd)
                        .stream().filter(open::contains).forEach(starts::add);
            }
            for (Instant start : starts) {
                if ((!open.contains(start) && counts.full(start)) || closed.collides(TimeSlot.of(start, terms.duration())
                        .widen(terms.bufferBefore(), terms.bufferAfter()))) {
                    continue;
                }
                byStart.computeIfAbsent(start, k -> new ArrayList<>(2)).add(s.staffId());
            }
        }
        return byStart;
    }

    /**
     * Busy time per staff member: all of it, and for a group service also without the sessions of that service that
     * still have seats (their starts are in {@code openSessions}).
     */
    private record Busy(Map<UUID, BusyTimes> all, Map<UUID, BusyTimes> outsideOpenSessions, Map<UUID, Set<Instant>> openSessions) {
    }

    private record BusyRow(UUID staffId, long fromMicros, long toMicros, UUID serviceId, Instant start) {
    }

    /** Live busy intervals overlapping {@code [from, to)} per staff member, read as epoch microseconds in order. */
    private Busy busyTimes(List<StaffSchedule> staff, Instant from, Instant to, Instant now, ServiceId serviceId, ServiceTerms terms) {
        UUID[] ids = staff.stream().map(StaffSchedule::staffId).toArray(UUID[]::new);
        List<BusyRow> rows = new ArrayList<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT staff_id, (EXTRACT(EPOCH FROM busy_from) * 1000000)::bigint AS from_us, "
                    + "(EXTRACT(EPOCH FROM busy_to) * 1000000)::bigint, service_id, start_at FROM appointment_view "
                    + "WHERE staff_id = ANY(?) AND status IN " + LIVE + " AND busy_from < ? AND busy_to > ? "
                    + "UNION ALL SELECT staff_id, (EXTRACT(EPOCH FROM starts_at) * 1000000)::bigint, "
                    + "(EXTRACT(EPOCH FROM ends_at) * 1000000)::bigint, NULL, NULL FROM time_off_view "
                    + "WHERE staff_id = ANY(?) AND starts_at < ? AND ends_at > ? "
                    + "UNION ALL SELECT staff_id, (EXTRACT(EPOCH FROM busy_from) * 1000000)::bigint, "
                    + "(EXTRACT(EPOCH FROM busy_to) * 1000000)::bigint, service_id, start_at FROM hold_view "
                    + "WHERE staff_id = ANY(?) AND state = 'PLACED' AND expires_at > ? AND busy_from < ? AND busy_to > ? "
                    + "ORDER BY 1, 2");
            java.sql.Array staffIds = con.createArrayOf("uuid", ids);
            ps.setArray(1, staffIds);
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setArray(4, staffIds);
            ps.setTimestamp(5, Timestamp.from(to));
            ps.setTimestamp(6, Timestamp.from(from));
            ps.setArray(7, staffIds);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setTimestamp(9, Timestamp.from(to));
            ps.setTimestamp(10, Timestamp.from(from));
            return ps;
        }, rs -> {
            Timestamp start = rs.getTimestamp(5);
            rows.add(new BusyRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getObject(4, UUID.class),
                    start == null ? null : start.toInstant()));
        });
        Map<UUID, Set<Instant>> open = new HashMap<>();
        if (terms.isGroup()) {
            Map<UUID, Map<Instant, Integer>> seats = new HashMap<>();
            rows.stream().filter(r -> serviceId.id().equals(r.serviceId()))
                    .forEach(r -> seats.computeIfAbsent(r.staffId(), k -> new HashMap<>()).merge(r.start(), 1, Integer::sum));
            seats.forEach((staffId, taken) -> taken.forEach((start, count) -> {
                if (count < terms.capacity()) {
                    open.computeIfAbsent(staffId, k -> new HashSet<>()).add(start);
                }
            }));
        }
        Map<UUID, BusyTimes.Sorted> all = new HashMap<>();
        Map<UUID, BusyTimes.Sorted> outside = new HashMap<>();
        for (BusyRow r : rows) {
            all.computeIfAbsent(r.staffId(), k -> BusyTimes.sorted()).add(r.fromMicros(), r.toMicros());
            boolean inOpenSession = serviceId.id().equals(r.serviceId())
                    && open.getOrDefault(r.staffId(), Set.of()).contains(r.start());
            if (!inOpenSession) {
                outside.computeIfAbsent(r.staffId(), k -> BusyTimes.sorted()).add(r.fromMicros(), r.toMicros());
            }
        }
        Map<UUID, BusyTimes> builtAll = new HashMap<>();
        all.forEach((id, sorted) -> builtAll.put(id, sorted.build()));
        Map<UUID, BusyTimes> builtOutside = new HashMap<>();
        outside.forEach((id, sorted) -> builtOutside.put(id, sorted.build()));
        return new Busy(builtAll, builtOutside, open);
    }

    private boolean staffExists(BusinessId businessId, StaffId staffId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM staff_view WHERE staff_id = ? AND business_id = ?)",
                Boolean.class, staffId.id(), businessId.id()));
    }

    /** Starts of live appointments of the staff members with booking limits, a week either side of the range. */
    private Map<UUID, List<Instant>> bookedStarts(List<StaffSchedule> staff, Instant rangeStart, Instant rangeEnd, Instant now) {
        UUID[] limited = staff.stream().filter(s -> !s.limits().isNone()).map(StaffSchedule::staffId).toArray(UUID[]::new);
        Map<UUID, List<Instant>> starts = new HashMap<>();
        if (limited.length == 0) {
            return starts;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT staff_id, start_at FROM appointment_view WHERE staff_id = ANY(?) "
                    + "AND status IN " + LIVE + " AND start_at >= ? AND start_at < ? "
                    + "UNION ALL SELECT staff_id, start_at FROM hold_view WHERE staff_id = ANY(?) AND state = 'PLACED' "
                    + "AND expires_at > ? AND start_at >= ? AND start_at < ?");
            java.sql.Array ids = con.createArrayOf("uuid", limited);
            ps.setArray(1, ids);
            ps.setTimestamp(2, Timestamp.from(rangeStart.minus(Duration.ofDays(8))));
            ps.setTimestamp(3, Timestamp.from(rangeEnd.plus(Duration.ofDays(8))));
            ps.setArray(4, ids);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(rangeStart.minus(Duration.ofDays(8))));
            ps.setTimestamp(7, Timestamp.from(rangeEnd.plus(Duration.ofDays(8))));
            return ps;
        }, rs -> {
            starts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
        });
        return starts;
    }

    /** Whether a staff member's date or week is already full, by their booking limits. */
    private static final class LimitCounts {
        private final BookingLimits limits;
        private final ZoneId zone;
        private final Map<LocalDate, Integer> perDate = new HashMap<>();
        private final Map<LocalDate, Integer> perWeek = new HashMap<>();

        LimitCounts(BookingLimits limits, ZoneId zone, List<Instant> bookedStarts) {
            this.limits = limits;
            this.zone = zone;
            for (Instant start : bookedStarts) {
                LocalDate date = start.atZone(zone).toLocalDate();
                perDate.merge(date, 1, Integer::sum);
                perWeek.merge(BookingLimits.weekOf(date), 1, Integer::sum);
            }
        }

        boolean full(Instant start) {
            if (limits.isNone()) {
                return false;
            }
            LocalDate date = start.atZone(zone).toLocalDate();
            return (limits.perDay() != null && perDate.getOrDefault(date, 0) >= limits.perDay())
                    || (limits.perWeek() != null && perWeek.getOrDefault(BookingLimits.weekOf(date), 0) >= limits.perWeek());
        }
    }

    private static BookingLimits limits(ResultSet rs) throws SQLException {
        return new BookingLimits((Integer) rs.getObject("limit_per_day"), (Integer) rs.getObject("limit_per_week"));
    }

    private record StaffSchedule(UUID staffId, ZoneId zone, WeeklySchedule schedule, DateOverrides overrides,
                                 BookingLimits limits) {
    }

    /** The periods of the business's holidays overlapping {@code [from, to)}, in its zone. */
    private List<TimeSlot> holidayPeriods(BusinessId businessId, Instant from, Instant to) {
        TimeSlot window = new TimeSlot(from, to);
        List<TimeSlot> periods = new ArrayList<>();
        jdbc.query("SELECT b.zone, h.first_date, h.last_date FROM holiday_view h JOIN business_view b ON b.business_id = h.business_id "
                        + "WHERE h.business_id = ? AND h.last_date >= ? AND h.first_date <= ?",
                rs -> {
                    TimeSlot period = Holiday.period(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), ZoneId.of(rs.getString(1)));
                    if (period.overlaps(window)) {
                        periods.add(period);
                    }
                }, businessId.id(), java.sql.Date.valueOf(LocalDate.ofInstant(from, java.time.ZoneOffset.UTC).minusDays(1)),
                java.sql.Date.valueOf(LocalDate.ofInstant(to, java.time.ZoneOffset.UTC).plusDays(1)));
        return periods;
    }

    /** Every holiday of the business, by first date, stated in the business's zone. */
    public List<HolidayView> holidays(BusinessId businessId) {
        return jdbc.query("SELECT h.holiday_id, h.name, h.first_date, h.last_date, b.zone FROM holiday_view h "
                        + "JOIN business_view b ON b.business_id = h.business_id WHERE h.business_id = ? "
                        + "ORDER BY h.first_date, h.last_date, h.holiday_id LIMIT 1000",
                (rs, i) -> {
                    LocalDate first = rs.getDate(3).toLocalDate();
                    LocalDate last = rs.getDate(4).toLocalDate();
                    ZoneId zone = ZoneId.of(rs.getString(5));
                    TimeSlot period = Holiday.period(first, last, zone);
                    return new HolidayView(rs.getObject(1, UUID.class), rs.getString(2), first, last,
                            period.start().atZone(zone).toOffsetDateTime(), period.end().atZone(zone).toOffsetDateTime(), zone.getId());
                }, businessId.id());
    }

    /** A staff member's time off ending after {@code after}, in order. */
    public List<TimeOffView> timeOff(BusinessId businessId, StaffId staffId, Instant after) {
        return jdbc.query("SELECT time_off_id, starts_at, ends_at, reason FROM time_off_view "
                        + "WHERE staff_id = ? AND business_id = ? AND ends_at > ? ORDER BY starts_at LIMIT 1000",
                (rs, i) -> new TimeOffView(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)),
                staffId.id(), businessId.id(), Timestamp.from(after));
    }

    /** A hold of the business, whatever became of it. */
    public Optional<HoldView> hold(BusinessId businessId, HoldId holdId) {
        return jdbc.query("SELECT hold_id, staff_id, service_id, start_at, end_at, placed_at, expires_at, state, appointment_id "
                        + "FROM hold_view WHERE hold_id = ? AND business_id = ?",
                (rs, i) -> new HoldView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getObject(9, UUID.class)),
                holdId.id(), businessId.id()).stream().findFirst();
    }

    private static final String WAITLIST_COLUMNS = "entry_id, service_id, staff_id, window_from, window_to, customer_id, "
            + "customer_name, joined_at, state, offer_hold_id, offer_staff_id, offer_start, offer_expires_at, appointment_id";

    private static final org.springframework.jdbc.core.RowMapper<WaitlistEntryView> WAITLIST_ENTRY = (rs, i) -> new WaitlistEntryView(
            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getString(9),
            rs.getObject(10) == null ? null : new WaitlistEntryView.Offer(rs.getObject(10, UUID.class), rs.getObject(11, UUID.class),
                    rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant()),
            rs.getObject(14, UUID.class));

    public Optional<WaitlistEntryView> waitlistEntry(BusinessId businessId, WaitlistEntryId entryId) {
        return jdbc.query("SELECT " + WAITLIST_COLUMNS + " FROM waitlist_view WHERE entry_id = ? AND business_id = ?",
                WAITLIST_ENTRY, entryId.id(), businessId.id()).stream().findFirst();
    }

    /** The customers still in line for a service, in the order they joined. */
    public List<WaitlistEntryView> waitlist(BusinessId businessId, ServiceId serviceId) {
        return jdbc.query("SELECT " + WAITLIST_COLUMNS + " FROM waitlist_view WHERE business_id = ? AND service_id = ? "
                + "AND state IN ('WAITING', 'OFFERED') ORDER BY line_seq LIMIT 1000", WAITLIST_ENTRY, businessId.id(), serviceId.id());
    }

    // ---- what is held about customers (export)

    /** Every appointment of these customers of a business, oldest first, at most {@code limit}. */
    public List<AppointmentView> appointmentsOf(BusinessId businessId, List<UUID> customerIds, int limit) {
        return jdbc.query(APPOINTMENT_SELECT + " WHERE a.business_id = ? AND a.customer_id = ANY(?) "
                + "ORDER BY a.start_at, a.appointment_id LIMIT ?", this::mapAppointment, businessId.id(),
                customerIds.toArray(UUID[]::new), limit);
    }

    /** Every waitlist entry of these customers of a business, whatever its state, in the order they joined. */
    public List<WaitlistEntryView> waitlistOf(BusinessId businessId, List<UUID> customerIds, int limit) {
        return jdbc.query("SELECT " + WAITLIST_COLUMNS + " FROM waitlist_view WHERE business_id = ? AND customer_id = ANY(?) "
                + "ORDER BY line_seq LIMIT ?", WAITLIST_ENTRY, businessId.id(), customerIds.toArray(UUID[]::new), limit);
    }

    // ---- read your writes

    /** The sequence up to which this read model has applied an aggregate's events (-1 if none). */
    public long position(String aggregateId) {
        return jdbc.query("SELECT sequence FROM schedule_position WHERE aggregate_id = ?", (rs, i) -> rs.getLong(1), aggregateId)
                .stream().findFirst().orElse(-1L);
    }

    // ---- row mapping

    private ServiceView mapService(ResultSet rs, int row) throws SQLException {
        return new ServiceView(rs.getObject("service_id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("name"), rs.getString("description"), seconds(rs, "duration_s"),
                new Money(rs.getBigDecimal("price").stripTrailingZeros(), rs.getString("currency")),
                seconds(rs, "buffer_before_s"), seconds(rs, "buffer_after_s"), seconds(rs, "slot_interval_s"),
                seconds(rs, "min_notice_s"), rs.getInt("max_advance_days"), rs.getBoolean("active"), rs.getLong("revision"),
                customerLimit(rs), rs.getInt("capacity"),
                rs.getString("change_policy") == null ? ChangePolicy.NONE : ViewJson.read(rs.getString("change_policy"), ChangePolicy.class));
    }

    private static CustomerLimit customerLimit(ResultSet rs) throws SQLException {
        int max = rs.getInt("customer_limit_max");
        return rs.wasNull() ? null : new CustomerLimit(max, CustomerLimit.Period.valueOf(rs.getString("customer_limit_period")));
    }

    private StaffView mapStaff(ResultSet rs, int row) throws SQLException {
        WeeklySchedule schedule = ViewJson.read(rs.getString("schedule"), WeeklySchedule.class);
        Map<DayOfWeek, List<HoursView>> hours = new EnumMap<>(DayOfWeek.class);
        schedule.days().forEach((day, intervals) -> hours.put(day, intervals.stream().map(ScheduleQueries::hours).toList()));
        Map<LocalDate, List<HoursView>> overrides = new TreeMap<>();
        schedules.parseOverrides(rs.getString("overrides")).days()
                .forEach((date, intervals) -> overrides.put(date, intervals.stream().map(ScheduleQueries::hours).toList()));
        UUID[] services = (UUID[]) rs.getArray("service_ids").getArray();
        return new StaffView(rs.getObject("staff_id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("zone"), hours,
                overrides, limits(rs), List.of(services), rs.getBoolean("active"), rs.getLong("revision"));
    }

    private static HoursView hours(WorkingInterval interval) {
        return new HoursView(interval.from().toString(), interval.endsAtMidnight() ? "24:00" : interval.to().toString());
    }

    private AppointmentView mapAppointment(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("staff_zone"));
        List<PolicyDecisionView> decisions = decisions(rs.getString("policy_decisions"));
        Instant start = rs.getTimestamp("start_at").toInstant();
        Instant end = rs.getTimestamp("end_at").toInstant();
        LocalTimes local = LocalTimes.of(start, end, zone, zoneOrNull(rs.getString("business_zone")),
                zoneOrNull(rs.getString("customer_zone")));
        return new AppointmentView(rs.getObject("appointment_id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                new CustomerDetails(rs.getString("customer_name"), rs.getString("customer_email"), rs.getString("customer_phone")),
                rs.getTimestamp("start_at").toInstant().atZone(zone).toOffsetDateTime(),
                rs.getTimestamp("end_at").toInstant().atZone(zone).toOffsetDateTime(), zone.getId(),
                rs.getString("status"), rs.getString("notes"), ViewJson.MAPPER.convertValue(
                ViewJson.read(rs.getString("metadata"), Map.class), STRING_MAP), rs.getLong("revision"),
                rs.getTimestamp("booked_at").toInstant(), rs.getObject("series_id", UUID.class), feeDue(decisions), decisions, local);
    }

    private static ZoneId zoneOrNull(String id) {
        return id == null ? null : ZoneId.of(id);
    }

    private static List<PolicyDecisionView> decisions(String json) {
        if (json == null) {
            return List.of();
        }
        DecisionRow[] rows = ViewJson.read(json, DecisionRow[].class);
        return java.util.Arrays.stream(rows).map(DecisionRow::view).toList();
    }

    /** The fees charged so far; a service whose price changed currency restarts the sum in the new one. */
    private static Money feeDue(List<PolicyDecisionView> decisions) {
        Money total = null;
        for (PolicyDecisionView d : decisions) {
            if (d.fee() == null) {
                continue;
            }
            total = total == null || !total.currency().equals(d.fee().currency()) ? d.fee()
                    : new Money(total.amount().add(d.fee().amount()), total.currency());
        }
        return total;
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        return Duration.ofSeconds(rs.getLong(column));
    }

}
