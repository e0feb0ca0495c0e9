package dev.kairos.edge.audit;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.command.calendar.CalendarReplay;
import dev.kairos.edge.access.ActingFor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** A staff calendar or an appointment as it was at an instant, rebuilt from the events recorded until then. */
@RestController
class PointInTimeController {
    private final PointInTime pointInTime;

    PointInTimeController(PointInTime pointInTime) {
        this.pointInTime = pointInTime;
    }

    record AppointmentThen(UUID appointmentId, UUID staffId, UUID serviceId, UUID customerId, Instant start, Instant end,
                           AppointmentStatus status, long revision, UUID seriesId) {
        static AppointmentThen of(CalendarReplay.AppointmentAt a) {
            return new AppointmentThen(a.appointmentId().id(), a.staffId().id(), a.serviceId().id(),
                    a.customerId() == null ? null : a.customerId().id(), a.slot().start(), a.slot().end(), a.status(),
                    a.revision(), a.seriesId() == null ? null : a.seriesId().id());
        }
    }

    record HoldThen(UUID holdId, UUID serviceId, Instant start, Instant end, Instant expiresAt) {
    }

    record CalendarThen(UUID staffId, Instant at, boolean active, long revision, List<AppointmentThen> appointments,
                        List<HoldThen> holds) {
    }

    record AppointmentAnswer(Instant at, AppointmentThen appointment) {
    }

    @GetMapping("/api/v1/audit/calendars/{staffId}")
    ResponseEntity<CalendarThen> calendar(@PathVariable UUID staffId, @ActingFor UUID businessId, @RequestParam String at) {
        Instant instant = instant(at);
        CalendarReplay.CalendarAt calendar = pointInTime.calendar(new BusinessId(businessId), new StaffId(staffId), instant);
        return ResponseEntity.ok(new CalendarThen(staffId, instant, calendar.active(), calendar.revision(),
                calendar.appointments().stream().map(AppointmentThen::of).toList(),
                calendar.holds().stream().map(h -> new HoldThen(h.holdId().id(), h.serviceId().id(), h.slot().start(),
                        h.slot().end(), h.expiresAt())).toList()));
    }

    @GetMapping("/api/v1/audit/appointments/{appointmentId}")
    ResponseEntity<AppointmentAnswer> appointment(@PathVariable UUID appointmentId, @ActingFor UUID businessId, @RequestParam String at) {
        Instant instant = instant(at);
        return ResponseEntity.ok(new AppointmentAnswer(instant, AppointmentThen.of(
                pointInTime.appointment(new BusinessId(businessId), new AppointmentId(appointmentId), instant))));
    }

    /** An ISO-8601 instant, with {@code Z} or an offset. */
    private static Instant instant(String at) {
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new BookingException(ErrorCode.INVALID_VALUE, "at must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        }
    }
}
