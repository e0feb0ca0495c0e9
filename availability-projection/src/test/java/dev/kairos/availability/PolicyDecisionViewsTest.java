package dev.kairos.availability;

import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.availability.Views.PolicyDecisionView;
import dev.kairos.availability.Views.ServiceView;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.catalog.ChangeWindow;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Policies on services and what they made of changes (fees, overrides), on real PostgreSQL. */
class PolicyDecisionViewsTest {
    private static final Money FIVE = new Money(new BigDecimal("5.00"), "EUR");
    private static final Money TEN = new Money(new BigDecimal("10.00"), "EUR");
    private static final PolicyOverride OVERRIDE = new PolicyOverride("front-desk:eva", "customer called in sick");
    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();
    private final ServiceId cut = serviceId();
    private final StaffId ann = staffId();
    private final StaffId bob = staffId();

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    @BeforeEach
    void catalog() {
        projector.reset();
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(service(cut, business, terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90)));
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("08:00-18:00"), cut));
        projector.on(staff(bob, business, "Bob", BERLIN, everyDay("08:00-18:00"), cut));
    }

    @Test
    void aServiceShowsItsPolicyAndNoneBeforeItHasOne() {
        assertThat(queries.service(business, cut).orElseThrow().changePolicy()).isEqualTo(ChangePolicy.NONE);
        ServiceTerms old = terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90);
        ChangePolicy policy = new ChangePolicy(new ChangeWindow(Duration.ofHours(24), Duration.ofHours(2), TEN),
                new ChangeWindow(null, Duration.ofHours(3), null));
        projector.on(new ServiceRevised(cut, business, new ServiceTerms(old.name(), old.description(), old.duration(),
                old.price(), old.bufferBefore(), old.bufferAfter(), old.slotInterval(), old.minimumNotice(),
                old.maxAdvanceDays(), policy), 2));
        ServiceView view = queries.service(business, cut).orElseThrow();
        assertThat(view.changePolicy()).isEqualTo(policy);
        assertThat(view.terms().changePolicy()).isEqualTo(policy);
    }

    @Test
    void feesAddUpAndOverridesAreListedInAnyArrivalOrder() {
        AppointmentId id = appointmentId();
        AppointmentBooked booking = booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60);
        TimeSlot second = TimeSlot.of(at("2026-12-07T11:00:00Z"), Duration.ofMinutes(60));
        TimeSlot third = TimeSlot.of(at("2026-12-07T13:00:00Z"), Duration.ofMinutes(60));
        projector.on(booking);
        // the move to Bob (revision 3) arrives through Bob's stream before Ann's reschedule (revision 2)
        projector.on(new AppointmentTransferredIn(id, business, bob, ann, cut, booking.customerId(), booking.customer(),
                second, third, third, AppointmentStatus.SCHEDULED, null, booking.metadata(), booking.bookedAt(), 3,
                Initiator.BUSINESS, null, OVERRIDE, null), at("2026-12-06T08:00:00Z"));
        projector.on(new AppointmentRescheduled(id, business, ann, booking.slot(), second, second, 2,
                Initiator.CUSTOMER, FIVE, null), at("2026-12-05T08:00:00Z"));
        projector.on(new AppointmentCancelled(id, business, bob, "plans changed", 4, Initiator.CUSTOMER, TEN, null),
                at("2026-12-06T09:00:00Z"));
        // replays insert nothing twice
        projector.on(new AppointmentCancelled(id, business, bob, "plans changed", 4, Initiator.CUSTOMER, TEN, null),
                at("2026-12-06T09:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.status()).isEqualTo("CANCELLED");
        assertThat(view.feeDue()).isEqualTo(new Money(new BigDecimal("15.00"), "EUR"));
        assertThat(view.policyDecisions()).containsExactly(
                new PolicyDecisionView(2, "RESCHEDULE", "CUSTOMER", FIVE, null, at("2026-12-05T08:00:00Z")),
                new PolicyDecisionView(3, "RESCHEDULE", "BUSINESS", null, OVERRIDE, at("2026-12-06T08:00:00Z")),
                new PolicyDecisionView(4, "CANCELLATION", "CUSTOMER", TEN, null, at("2026-12-06T09:00:00Z")));
    }

    @Test
    void changesWithoutFeeOrOverrideLeaveNoDecision() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        projector.on(new AppointmentCancelled(id, business, ann, "ill", 2), at("2026-12-01T08:00:00Z"));
        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.feeDue()).isNull();
        assertThat(view.policyDecisions()).isEmpty();
        assertThat(queries.appointments(business, null, null, null, null, null, 10).items())
                .singleElement().satisfies(a -> assertThat(a.policyDecisions()).isEmpty());
    }
}
