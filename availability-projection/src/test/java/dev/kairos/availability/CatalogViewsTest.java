package dev.kairos.availability;

import dev.kairos.availability.Views.BusinessView;
import dev.kairos.availability.Views.HoursView;
import dev.kairos.availability.Views.ServiceView;
import dev.kairos.availability.Views.StaffView;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.StaffProfileChanged;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.calendar.WorkingHoursChanged;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewsTest {
    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    @BeforeEach
    void clean() {
        projector.reset();
    }

    // ---- business

    @Test
    void businessRegisteredIsVisibleAtRevisionOne() {
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));

        BusinessView view = queries.business(business).orElseThrow();
        assertThat(view.id()).isEqualTo(business.id());
        assertThat(view.name()).isEqualTo("Salon Nord");
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.settings()).isEqualTo(Map.of("theme", "dark"));
        assertThat(view.active()).isTrue();
        assertThat(view.revision()).isEqualTo(1);
    }

    @Test
    void duplicateRegistrationDoesNotOverwrite() {
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));
        projector.on(new BusinessUpdated(business, new BusinessProfile("Salon Süd", NEW_YORK, "USD", Map.of()), 2));
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));

        BusinessView view = queries.business(business).orElseThrow();
        assertThat(view.name()).isEqualTo("Salon Süd");
        assertThat(view.revision()).isEqualTo(2);
    }

    @Test
    void businessUpdatedReplacesProfile() {
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));
        projector.on(new BusinessUpdated(business, new BusinessProfile("Salon Süd", NEW_YORK, "USD", Map.of("a", "b")), 2));

        BusinessView view = queries.business(business).orElseThrow();
        assertThat(view.name()).isEqualTo("Salon Süd");
        assertThat(view.timeZone()).isEqualTo("America/New_York");
        assertThat(view.currency()).isEqualTo("USD");
        assertThat(view.settings()).isEqualTo(Map.of("a", "b"));
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.active()).isTrue();
    }

    @Test
    void olderOrEqualBusinessRevisionNeverOverwritesNewer() {
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));
        projector.on(new BusinessUpdated(business, new BusinessProfile("Third", BERLIN, "EUR", Map.of()), 3));
        projector.on(new BusinessUpdated(business, new BusinessProfile("Second", BERLIN, "EUR", Map.of()), 2));
        projector.on(new BusinessUpdated(business, new BusinessProfile("Third again", BERLIN, "EUR", Map.of()), 3));

        BusinessView view = queries.business(business).orElseThrow();
        assertThat(view.name()).isEqualTo("Third");
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void businessDeactivatedAndStaleDeactivationIgnored() {
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));
        projector.on(new BusinessDeactivated(business, 2));
        assertThat(queries.business(business).orElseThrow().active()).isFalse();
        assertThat(queries.business(business).orElseThrow().revision()).isEqualTo(2);

        BusinessId other = businessId();
        projector.on(ScheduleDb.business(other, "Other", BERLIN));
        projector.on(new BusinessUpdated(other, new BusinessProfile("Other v3", BERLIN, "EUR", Map.of()), 3));
        projector.on(new BusinessDeactivated(other, 2));
        assertThat(queries.business(other).orElseThrow().active()).isTrue();
        assertThat(queries.business(other).orElseThrow().revision()).isEqualTo(3);
    }

    @Test
    void unknownBusinessIsEmpty() {
        projector.on(ScheduleDb.business(business, "Salon Nord", BERLIN));
        assertThat(queries.business(businessId())).isEmpty();
    }

    // ---- services

    @Test
    void serviceDefinedIsVisibleWithItsTerms() {
        ServiceId cut = serviceId();
        projector.on(service(cut, business, terms("Cut", 45, 5, 10, 15, Duration.ofHours(2), 30)));

        ServiceView view = queries.service(business, cut).orElseThrow();
        assertThat(view.id()).isEqualTo(cut.id());
        assertThat(view.businessId()).isEqualTo(business.id());
        assertThat(view.name()).isEqualTo("Cut");
        assertThat(view.description()).isEqualTo("Cut description");
        assertThat(view.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(view.price()).isEqualTo(new Money(new BigDecimal("45.50"), "EUR"));
        assertThat(view.bufferBefore()).isEqualTo(Duration.ofMinutes(5));
        assertThat(view.bufferAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(view.slotInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(view.minimumNotice()).isEqualTo(Duration.ofHours(2));
        assertThat(view.maxAdvanceDays()).isEqualTo(30);
        assertThat(view.active()).isTrue();
        assertThat(view.revision()).isEqualTo(1);
        assertThat(view.terms()).isEqualTo(terms("Cut", 45, 5, 10, 15, Duration.ofHours(2), 30));
    }

    @Test
    void theCustomerLimitFollowsTheLatestRevision() {
        ServiceId cut = serviceId();
        ServiceTerms base = terms("Cut", 45, 5, 10, 15, Duration.ofHours(2), 30);
        projector.on(service(cut, business, withLimit(base, new CustomerLimit(2, CustomerLimit.Period.WEEK))));
        assertThat(queries.service(business, cut).orElseThrow().customerLimit())
                .isEqualTo(new CustomerLimit(2, CustomerLimit.Period.WEEK));
        projector.on(new ServiceRevised(cut, business, withLimit(base, new CustomerLimit(1, CustomerLimit.Period.MONTH)), 3));
        projector.on(new ServiceRevised(cut, business, base, 2));
        ServiceView view = queries.service(business, cut).orElseThrow();
        assertThat(view.customerLimit()).isEqualTo(new CustomerLimit(1, CustomerLimit.Period.MONTH));
        assertThat(view.terms().customerLimit()).isEqualTo(new CustomerLimit(1, CustomerLimit.Period.MONTH));
        projector.on(new ServiceRevised(cut, business, base, 4));
        assertThat(queries.service(business, cut).orElseThrow().customerLimit()).isNull();
    }

    private static ServiceTerms withLimit(ServiceTerms t, CustomerLimit limit) {
        return new ServiceTerms(t.name(), t.description(), t.duration(), t.price(), t.bufferBefore(), t.bufferAfter(),
                t.slotInterval(), t.minimumNotice(), t.maxAdvanceDays(), limit);
    }

    @Test
    void wholeAmountPriceRoundTripsAtCurrencyScale() {
        ServiceId cut = serviceId();
        projector.on(service(cut, business, new dev.kairos.booking.catalog.ServiceTerms("Cut", null, Duration.ofMinutes(30),
                new Money(new BigDecimal("100"), "EUR"), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(30), Duration.ZERO, 10, null, 1, null)));

        ServiceView view = queries.service(business, cut).orElseThrow();
        assertThat(view.price().amount()).isEqualByComparingTo("100");
        assertThat(view.price().amount().scale()).isEqualTo(2);
        assertThat(view.description()).isNull();
    }

    @Test
    void serviceRevisedAndGuardedByRevision() {
        ServiceId cut = serviceId();
        projector.on(service(cut, business, terms("Cut", 45, 0, 0, 15, Duration.ZERO, 30)));
        projector.on(new ServiceRevised(cut, business, terms("Long cut", 90, 10, 10, 30, Duration.ofHours(1), 60), 3));
        projector.on(new ServiceRevised(cut, business, terms("Stale cut", 20, 0, 0, 10, Duration.ZERO, 5), 2));

        ServiceView view = queries.service(business, cut).orElseThrow();
        assertThat(view.name()).isEqualTo("Long cut");
        assertThat(view.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(view.bufferBefore()).isEqualTo(Duration.ofMinutes(10));
        assertThat(view.slotInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(view.minimumNotice()).isEqualTo(Duration.ofHours(1));
        assertThat(view.maxAdvanceDays()).isEqualTo(60);
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void serviceDeactivatedAndStaleDeactivationIgnored() {
        ServiceId cut = serviceId();
        projector.on(service(cut, business, terms("Cut", 45, 0, 0, 15, Duration.ZERO, 30)));
        projector.on(new ServiceDeactivated(cut, business, 2));
        ServiceView view = queries.service(business, cut).orElseThrow();
        assertThat(view.active()).isFalse();
        assertThat(view.revision()).isEqualTo(2);

        // a revision that is older than the deactivation does not bring it back
        projector.on(new ServiceRevised(cut, business, terms("Zombie", 45, 0, 0, 15, Duration.ZERO, 30), 2));
        assertThat(queries.service(business, cut).orElseThrow().name()).isEqualTo("Cut");

        ServiceId color = serviceId();
        projector.on(service(color, business, terms("Color", 60, 0, 0, 15, Duration.ZERO, 30)));
        projector.on(new ServiceRevised(color, business, terms("Color v4", 60, 0, 0, 15, Duration.ZERO, 30), 4));
        projector.on(new ServiceDeactivated(color, business, 3));
        assertThat(queries.service(business, color).orElseThrow().active()).isTrue();
    }

    @Test
    void servicesAreListedByNameAndScopedToTheirBusiness() {
        ServiceId b = serviceId();
        ServiceId a = serviceId();
        projector.on(service(b, business, terms("Beard", 20, 0, 0, 10, Duration.ZERO, 30)));
        projector.on(service(a, business, terms("Alpha", 20, 0, 0, 10, Duration.ZERO, 30)));
        BusinessId other = businessId();
        ServiceId foreign = serviceId();
        projector.on(service(foreign, other, terms("Foreign", 20, 0, 0, 10, Duration.ZERO, 30)));

        assertThat(queries.services(business)).extracting(ServiceView::name).containsExactly("Alpha", "Beard");
        assertThat(queries.services(other)).extracting(ServiceView::id).containsExactly(foreign.id());
        assertThat(queries.service(other, a)).isEmpty();
        assertThat(queries.service(business, foreign)).isEmpty();
        assertThat(queries.services(businessId())).isEmpty();
    }

    // ---- staff

    @Test
    void staffRegisteredWithServicesAndWorkingHours() {
        ServiceId cut = serviceId();
        ServiceId color = serviceId();
        StaffId ann = staffId();
        projector.on(staff(ann, business, "Ann Smith", BERLIN, on(DayOfWeek.MONDAY, "13:00-17:00", "09:00-12:00", "22:00-00:00"),
                cut, color));

        StaffView view = queries.staff(business, ann).orElseThrow();
        assertThat(view.id()).isEqualTo(ann.id());
        assertThat(view.businessId()).isEqualTo(business.id());
        assertThat(view.name()).isEqualTo("Ann Smith");
        assertThat(view.email()).isEqualTo("ann.smith@example.com");
        assertThat(view.phone()).isEqualTo("+4930123456");
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.workingHours()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(view.workingHours().get(DayOfWeek.MONDAY)).containsExactly(
                new HoursView("09:00", "12:00"), new HoursView("13:00", "17:00"), new HoursView("22:00", "24:00"));
        assertThat(view.serviceIds()).containsExactlyInAnyOrder(cut.id(), color.id());
        assertThat(view.active()).isTrue();
        assertThat(view.revision()).isEqualTo(1);
    }

    @Test
    void duplicateStaffRegistrationKeepsCurrentServices() {
        ServiceId cut = serviceId();
        ServiceId color = serviceId();
        StaffId ann = staffId();
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("09:00-17:00"), cut));
        projector.on(new StaffServicesChanged(ann, business, Set.of(color), 2));
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("09:00-17:00"), cut));

        assertThat(queries.staff(business, ann).orElseThrow().serviceIds()).containsExactly(color.id());
    }

    @Test
    void staffProfileAndWorkingHoursChangeGuardedByRevision() {
        StaffId ann = staffId();
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("09:00-17:00")));
        projector.on(new StaffProfileChanged(ann, business, new StaffProfile("Ann B", "ann.b@example.com", null, NEW_YORK), 2));
        projector.on(new WorkingHoursChanged(ann, business, on(DayOfWeek.FRIDAY, "10:00-14:00"), 3));
        // stale events: must not roll the row back
        projector.on(new StaffProfileChanged(ann, business, new StaffProfile("Stale", null, null, BERLIN), 2));
        projector.on(new WorkingHoursChanged(ann, business, everyDay("08:00-09:00"), 3));

        StaffView view = queries.staff(business, ann).orElseThrow();
        assertThat(view.name()).isEqualTo("Ann B");
        assertThat(view.email()).isEqualTo("ann.b@example.com");
        assertThat(view.phone()).isNull();
        assertThat(view.timeZone()).isEqualTo("America/New_York");
        assertThat(view.workingHours()).containsExactly(Map.entry(DayOfWeek.FRIDAY, List.of(new HoursView("10:00", "14:00"))));
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void staffServicesReplacedAndStaleChangeIgnored() {
        ServiceId cut = serviceId();
        ServiceId color = serviceId();
        ServiceId beard = serviceId();
        StaffId ann = staffId();
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("09:00-17:00"), cut, color));
        projector.on(new StaffServicesChanged(ann, business, Set.of(beard, color), 2));
        assertThat(queries.staff(business, ann).orElseThrow().serviceIds()).containsExactlyInAnyOrder(beard.id(), color.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staff_service WHERE staff_id = ?", Integer.class, ann.id()))
                .isEqualTo(2);

        projector.on(new StaffServicesChanged(ann, business, Set.of(cut), 2));
        projector.on(new StaffServicesChanged(ann, business, Set.of(cut), 1));
        assertThat(queries.staff(business, ann).orElseThrow().serviceIds()).containsExactlyInAnyOrder(beard.id(), color.id());

        projector.on(new StaffServicesChanged(ann, business, Set.of(), 3));
        StaffView view = queries.staff(business, ann).orElseThrow();
        assertThat(view.serviceIds()).isEmpty();
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void staffServicesChangeForUnknownStaffIsIgnored() {
        StaffId ghost = staffId();
        projector.on(new StaffServicesChanged(ghost, business, Set.of(serviceId()), 2));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staff_service", Integer.class)).isZero();
        assertThat(queries.staff(business, ghost)).isEmpty();
    }

    @Test
    void staffDeactivatedAndStaleDeactivationIgnored() {
        StaffId ann = staffId();
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("09:00-17:00")));
        projector.on(new StaffMemberDeactivated(ann, business, 2));
        assertThat(queries.staff(business, ann).orElseThrow().active()).isFalse();

        StaffId bob = staffId();
        projector.on(staff(bob, business, "Bob", BERLIN, everyDay("09:00-17:00")));
        projector.on(new WorkingHoursChanged(bob, business, everyDay("10:00-11:00"), 5));
        projector.on(new StaffMemberDeactivated(bob, business, 4));
        assertThat(queries.staff(business, bob).orElseThrow().active()).isTrue();
        assertThat(queries.staff(business, bob).orElseThrow().revision()).isEqualTo(5);
    }

    @Test
    void staffListedByNameAndScopedToTheirBusiness() {
        StaffId zoe = staffId();
        StaffId ann = staffId();
        projector.on(staff(zoe, business, "Zoe", BERLIN, everyDay("09:00-17:00")));
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("09:00-17:00")));
        BusinessId other = businessId();
        StaffId foreign = staffId();
        projector.on(staff(foreign, other, "Foreign", BERLIN, everyDay("09:00-17:00")));

        assertThat(queries.staff(business)).extracting(StaffView::name).containsExactly("Ann", "Zoe");
        assertThat(queries.staff(other)).extracting(StaffView::id).containsExactly(foreign.id());
        assertThat(queries.staff(other, ann)).isEmpty();
        assertThat(queries.staff(business, foreign)).isEmpty();
    }
}
