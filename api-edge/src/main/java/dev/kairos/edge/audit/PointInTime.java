package dev.kairos.edge.audit;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.command.calendar.CalendarReplay;
import dev.kairos.booking.command.calendar.StaffCalendar;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Staff calendars and appointments as they were at an instant: the calendar's events up to that instant (never a
 * snapshot, which may be newer) replayed through the aggregate itself.
 */
@Component
class PointInTime {
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;
    private volatile CalendarReplay replay;

    PointInTime(EventStore events, JdbcTemplate jdbc, org.axonframework.config.Configuration axon) {
        this.events = events;
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** The calendar at {@code at}; not found if it is another business's or was not registered yet. */
    CalendarReplay.CalendarAt calendar(BusinessId business, StaffId staff, Instant at) {
        boolean ours = !jdbc.queryForList("SELECT 1 FROM cmd_staff WHERE staff_id = ? AND business_id = ?", Integer.class,
                staff.id(), business.id()).isEmpty();
        List<DomainEventMessage<?>> stream = ours ? upTo(staff, at) : List.of();
        if (stream.isEmpty()) {
            throw new BookingException(ErrorCode.STAFF_NOT_FOUND, "staff member not found at " + at + ": " + staff.id());
        }
        return replay().calendar(stream, at);
    }

    /**
     * The appointment at {@code at}, from the calendar that held it then (an appointment moved to another staff member
     * was in the calendar its move came from before); not found if it is another business's or was not booked yet.
     */
    CalendarReplay.AppointmentAt appointment(BusinessId business, AppointmentId appointment, Instant at) {
        List<UUID> current = jdbc.queryForList("SELECT staff_id FROM cmd_appointment WHERE appointment_id = ? AND business_id = ?",
                UUID.class, appointment.id(), business.id());
        Optional<CalendarReplay.AppointmentAt> found = Optional.empty();
        Set<StaffId> visited = new HashSet<>();
        StaffId staff = current.isEmpty() ? null : new StaffId(current.get(0));
        while (staff != null && found.isEmpty() && visited.add(staff)) {
            List<DomainEventMessage<?>> all = upTo(staff, null);
            int seen = 0;
            while (seen < all.size() && !all.get(seen).getTimestamp().isAfter(at)) {
                seen++;
            }
            List<DomainEventMessage<?>> then = all.subList(0, seen);
            found = replay().appointment(then, appointment);
            staff = found.isPresent() ? null : movedFrom(all, seen, appointment);
        }
        return found.orElseThrow(() -> new BookingException(ErrorCode.APPOINTMENT_NOT_FOUND,
                "appointment not found at " + at + ": " + appointment.id()));
    }

    /** The calendar an appointment came from, if it moved into this one after the first {@code seen} events. */
    private static StaffId movedFrom(List<DomainEventMessage<?>> all, int seen, AppointmentId appointment) {
        for (DomainEventMessage<?> event : all.subList(seen, all.size())) {
            if (event.getPayload() instanceof AppointmentTransferredIn in && in.appointmentId().equals(appointment)) {
                return in.fromStaffId();
            }
        }
        return null;
    }

    /** The calendar's events from its first, in order, as long as they were recorded at or before {@code at} (all of them for {@code null}). */
    private List<DomainEventMessage<?>> upTo(StaffId staff, Instant at) {
        List<DomainEventMessage<?>> prefix = new ArrayList<>();
        DomainEventStream stream = events.readEvents(staff.id().toString(), 0);
        while (stream.hasNext() && (at == null || !stream.peek().getTimestamp().isAfter(at))) {
            prefix.add(stream.next());
        }
        return prefix;
    }

    private CalendarReplay replay() {
        if (replay == null) {
            replay = new CalendarReplay(axon.parameterResolverFactory(), axon.handlerDefinition(StaffCalendar.class));
        }
        return replay;
    }
}
