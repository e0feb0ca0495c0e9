package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A staff calendar as it was after a prefix of its events: the events are applied to a fresh {@link StaffCalendar}
 * through its own event-sourcing handlers, so the state is exactly what the aggregate decided on at that point.
 */
public final class CalendarReplay {
    /** An appointment as its calendar knew it; {@code status} not live once it left the calendar. */
    public record AppointmentAt(AppointmentId appointmentId, StaffId staffId, ServiceId serviceId, CustomerId customerId,
                                TimeSlot slot, AppointmentStatus status, long revision, SeriesId seriesId) {
    }

    public record HoldAt(HoldId holdId, ServiceId serviceId, TimeSlot slot, Instant expiresAt) {
    }

    /** The calendar's live appointments and holds, by start. */
    public record CalendarAt(StaffId staffId, BusinessId businessId, boolean active, long revision,
                             List<AppointmentAt> appointments, List<HoldAt> holds) {
    }

    private final AggregateModel<StaffCalendar> model;

    public CalendarReplay(ParameterResolverFactory parameterResolvers, HandlerDefinition handlers) {
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(StaffCalendar.class, parameterResolvers, handlers);
    }

    /** The calendar after {@code events} (its stream from the first event on); holds still live at {@code at}. */
    public CalendarAt calendar(List<? extends DomainEventMessage<?>> events, Instant at) {
        StaffCalendar calendar = fresh();
        initialize(calendar).initializeState(DomainEventStream.of(events.stream().map(e -> (DomainEventMessage<?>) e)));
        return new CalendarAt(calendar.staffId(), calendar.businessId(), calendar.active(), calendar.revision(),
                calendar.liveAppointments().stream().map(a -> at(calendar, a))
                        .sorted(Comparator.comparing((AppointmentAt a) -> a.slot().start()).thenComparing(a -> a.appointmentId().id()))
                        .toList(),
                calendar.holds().entrySet().stream().filter(e -> e.getValue().liveAt(at))
                        .map(e -> new HoldAt(e.getKey(), e.getValue().serviceId(), e.getValue().slot(), e.getValue().expiresAt()))
                        .sorted(Comparator.comparing((HoldAt h) -> h.slot().start()).thenComparing(h -> h.holdId().id()))
                        .toList());
    }

    /**
     * The appointment as this calendar knew it after {@code events}: live, or with the status that took it out of
     * the calendar; empty if it was never in it, or left it for another staff member's.
     */
    public Optional<AppointmentAt> appointment(List<? extends DomainEventMessage<?>> events, AppointmentId appointmentId) {
        StaffCalendar calendar = fresh();
        AppointmentAt known = null;
        for (DomainEventMessage<?> event : events) {
            apply(calendar, event);
            LiveAppointment live = calendar.appointment(appointmentId);
            if (live != null) {
                known = at(calendar, live);
            } else if (known != null && event.getPayload() instanceof AppointmentStatusChanged changed
                    && changed.appointmentId().equals(appointmentId)) {
                known = new AppointmentAt(known.appointmentId(), known.staffId(), known.serviceId(), known.customerId(),
                        known.slot(), changed.newStatus(), changed.revision(), known.seriesId());
            } else if (event.getPayload() instanceof AppointmentTransferredOut out && out.appointmentId().equals(appointmentId)) {
                known = null;
            }
        }
        return Optional.ofNullable(known);
    }

    private StaffCalendar fresh() {
        return new StaffCalendar();
    }

    private void apply(StaffCalendar calendar, DomainEventMessage<?> event) {
        initialize(calendar).initializeState(DomainEventStream.of(event));
    }

    private EventSourcedAggregate<StaffCalendar> initialize(StaffCalendar calendar) {
        return EventSourcedAggregate.initialize(calendar, model, SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
    }

    private static AppointmentAt at(StaffCalendar calendar, LiveAppointment a) {
        return new AppointmentAt(a.id(), calendar.staffId(), a.serviceId(), a.customerId(), a.slot(), a.status(), a.revision(), a.seriesId());
    }
}
