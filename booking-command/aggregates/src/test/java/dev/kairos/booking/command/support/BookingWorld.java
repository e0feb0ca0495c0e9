package dev.kairos.booking.command.support;

import dev.kairos.booking.command.calendar.CalendarCommandHandler;
import dev.kairos.booking.command.calendar.StaffCalendar;
import dev.kairos.booking.command.catalog.Business;
import dev.kairos.booking.command.customer.Customer;
import dev.kairos.booking.command.customer.CustomerCommandHandler;
import dev.kairos.booking.command.waitlist.Waitlist;
import dev.kairos.booking.command.waitlist.WaitlistCommandHandler;
import dev.kairos.booking.command.catalog.CatalogCommandHandler;
import dev.kairos.booking.command.catalog.ServiceOffering;
import dev.kairos.booking.command.quota.CustomerQuotas;
import dev.kairos.booking.command.quota.CustomerServiceQuota;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A given/when/then harness over real Axon infrastructure: an in-memory event store, one event-sourcing repository
 * per aggregate type, a simple command bus and the two production command handlers. It plays the role of
 * Axon's AggregateTestFixture (which cannot run in this module: it needs Hamcrest, an optional dependency of
 * axon-test that the module's test class path does not contain), and unlike the fixture it can hold several
 * aggregates, so a cross-calendar reschedule (two calendars in one unit of work) can be tested too.
 *
 * <p>{@link #given} appends events for one aggregate; they are also fed to the {@link InMemoryLookups}. {@link #when}
 * dispatches one command and records what it published and what it returned or threw.
 */
public final class BookingWorld {
    public final InMemoryLookups lookups = new InMemoryLookups();
    private final SettableClock clock;
    private final EmbeddedEventStore eventStore;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<EventMessage<?>> recorded = new ArrayList<>();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final StubDeadlineManager deadlines;
    private final EventSourcingRepository<StaffCalendar> calendars;
    private boolean recording;

    public BookingWorld(Instant now) {
        clock = new SettableClock(now);
        deadlines = new StubDeadlineManager(now);
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.subscribe(events -> events.forEach(e -> {
            lookups.on(e.getPayload());
            if (recording) {
                recorded.add(e);
            }
            if (e instanceof GenericDomainEventMessage<?> d) {
                nextSequence.merge(d.getAggregateIdentifier(), d.getSequenceNumber() + 1, Math::max);
            }
        }));
        CatalogCommandHandler catalog = new CatalogCommandHandler(repository(Business.class),
                repository(ServiceOffering.class), lookups);
        calendars = repository(StaffCalendar.class);
        CustomerQuotas quotas = new CustomerQuotas(repository(CustomerServiceQuota.class), lookups);
        CalendarCommandHandler calendar = new CalendarCommandHandler(calendars, lookups, quotas, clock, deadlines);
        new AnnotationCommandHandlerAdapter<>(catalog).subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(calendar).subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new WaitlistCommandHandler(repository(Waitlist.class), calendars, lookups, quotas, clock,
                deadlines, Duration.ofMinutes(15))).subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new CustomerCommandHandler(repository(Customer.class), clock)).subscribe(commandBus);
    }

    private <T> EventSourcingRepository<T> repository(Class<T> type) {
        return EventSourcingRepository.builder(type)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(type))
                .eventStore(eventStore)
                .build();
    }

    /** The instant the calendar handler sees as now from here on. */
    public BookingWorld clockAt(Instant now) {
        clock.now = now;
        return this;
    }

    /** Deadlines scheduled so far and not yet met. */
    public List<ScheduledDeadlineInfo> scheduledDeadlines() {
        return deadlines.getScheduledDeadlines();
    }

    /**
     * Lets {@code elapsed} pass for the deadlines (the clock moves with them) and delivers every deadline that falls
     * due to its aggregate, each in its own unit of work, as the persistent deadline manager does.
     */
    public Then whenTimeElapses(Duration elapsed) {
        recorded.clear();
        recording = true;
        try {
            deadlines.advanceTimeBy(elapsed, (scope, message) -> DefaultUnitOfWork.startAndGet(message)
                    .executeWithResult(() -> {
                        calendars.send(message, scope);
                        return null;
                    }));
        } finally {
            recording = false;
        }
        clock.now = deadlines.getCurrentDateTime();
        return new Then("time elapsing by " + elapsed, recorded.stream().<Object>map(EventMessage::getPayload).toList(), null, null);
    }

    /** Past events of one aggregate, appended after the ones it already has. */
    public BookingWorld given(Class<?> aggregateType, Object aggregateId, Object... events) {
        String id = aggregateId.toString();
        List<EventMessage<?>> messages = new ArrayList<>();
        long sequence = nextSequence.getOrDefault(id, 0L);
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>(aggregateType.getSimpleName(), id, sequence++, event));
        }
        eventStore.publish(messages);
        return this;
    }

    public Then when(Object command) {
        recorded.clear();
        recording = true;
        AtomicReference<CommandResultMessage<?>> result = new AtomicReference<>();
        try {
            commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), (c, r) -> result.set(r));
        } finally {
            recording = false;
        }
        assertThat(result.get()).as("the command bus answered %s", command).isNotNull();
        List<Object> events = recorded.stream().<Object>map(EventMessage::getPayload).toList();
        CommandResultMessage<?> r = result.get();
        return new Then(command, events, r.isExceptional() ? null : r.getPayload(), r.isExceptional() ? r.exceptionResult() : null);
    }

    /** What one command did. */
    public static final class Then {
        private final Object command;
        private final List<Object> events;
        private final Object returnValue;
        private final Throwable exception;

        Then(Object command, List<Object> events, Object returnValue, Throwable exception) {
            this.command = command;
            this.events = events;
            this.returnValue = returnValue;
            this.exception = exception;
        }

        public Then expectSuccessfulHandlerExecution() {
            if (exception != null) {
                throw new AssertionError("expected " + command + " to succeed, but it threw " + exception, exception);
            }
            return this;
        }

        /** Exactly these events, in this order, compared by equals (the messages are records). */
        public Then expectEvents(Object... expected) {
            expectSuccessfulHandlerExecution();
            assertThat(events).as("events published by %s", command).containsExactly(expected);
            return this;
        }

        public Then expectNoEvents() {
            return expectEvents();
        }

        /** The revision the handler reported back (used for ETags). */
        public Then expectRevision(long revision) {
            expectSuccessfulHandlerExecution();
            assertThat(returnValue).isInstanceOf(CommandOutcome.class);
            assertThat(((CommandOutcome) returnValue).revision()).as("revision reported for %s", command).isEqualTo(revision);
            return this;
        }

        /** The events the command published, in order. */
        public List<Object> events() {
            expectSuccessfulHandlerExecution();
            return events;
        }

        /** What the handler returned. */
        public Object result() {
            expectSuccessfulHandlerExecution();
            return returnValue;
        }

        public CommandOutcome outcome() {
            expectSuccessfulHandlerExecution();
            return (CommandOutcome) returnValue;
        }

        /** A business rejection with this code; nothing may have been published. Returns the exception. */
        public <E extends BookingException> E expectException(ErrorCode code) {
            if (exception == null) {
                fail("expected " + command + " to be rejected with " + code + ", but it succeeded with events " + events);
            }
            if (!(exception instanceof BookingException booking)) {
                throw new AssertionError("expected a BookingException " + code + " but got " + exception, exception);
            }
            assertThat(booking.errorCode()).as("error code of %s (%s)", command, booking.getMessage()).isEqualTo(code);
            assertThat(events).as("events published by a rejected command").isEmpty();
            @SuppressWarnings("unchecked")
            E e = (E) booking;
            return e;
        }
    }

    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
