package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.DeactivateBusiness;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.booking.catalog.UpdateBusiness;
import dev.kairos.booking.command.support.BookingWorld;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;

import static dev.kairos.booking.command.catalog.CatalogTestData.BUSINESS;
import static dev.kairos.booking.command.catalog.CatalogTestData.NOW;
import static dev.kairos.booking.command.catalog.CatalogTestData.OTHER_BUSINESS;
import static dev.kairos.booking.command.catalog.CatalogTestData.SALON;
import static dev.kairos.booking.command.catalog.CatalogTestData.SALON_RENAMED;
import static org.assertj.core.api.Assertions.assertThat;

class BusinessTest {
    private final BookingWorld world = new BookingWorld(NOW);

    private BookingWorld givenRegistered(Object... more) {
        world.given(Business.class, BUSINESS, new BusinessRegistered(BUSINESS, SALON));
        return more.length == 0 ? world : world.given(Business.class, BUSINESS, more);
    }

    @Test
    void registerEmitsBusinessRegisteredAtRevisionOne() {
        world.when(new RegisterBusiness(BUSINESS, SALON))
                .expectEvents(new BusinessRegistered(BUSINESS, SALON))
                .expectRevision(1);
        assertThat(world.lookups.businessActive(BUSINESS)).contains(true);
    }

    @Test
    void updateWithChangedProfileEmitsNextRevision() {
        givenRegistered().when(new UpdateBusiness(BUSINESS, SALON_RENAMED, null))
                .expectEvents(new BusinessUpdated(BUSINESS, SALON_RENAMED, 2))
                .expectRevision(2);
    }

    @Test
    void updateCountsRevisionsFromEarlierChanges() {
        givenRegistered(new BusinessUpdated(BUSINESS, SALON_RENAMED, 2))
                .when(new UpdateBusiness(BUSINESS, SALON, 2L))
                .expectEvents(new BusinessUpdated(BUSINESS, SALON, 3))
                .expectRevision(3);
    }

    @Test
    void updateWithUnchangedProfileIsANoOp() {
        givenRegistered().when(new UpdateBusiness(BUSINESS, SALON, 1L))
                .expectNoEvents()
                .expectRevision(1);
    }

    @Test
    void updateAgainstAStaleRevisionIsRejected() {
        givenRegistered(new BusinessUpdated(BUSINESS, SALON_RENAMED, 2))
                .when(new UpdateBusiness(BUSINESS, SALON, 1L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void unchangedUpdateAgainstAStaleRevisionIsRejectedToo() {
        givenRegistered().when(new UpdateBusiness(BUSINESS, SALON, 7L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void deactivateEmitsBusinessDeactivated() {
        givenRegistered().when(new DeactivateBusiness(BUSINESS, 1L))
                .expectEvents(new BusinessDeactivated(BUSINESS, 2))
                .expectRevision(2);
        assertThat(world.lookups.businessActive(BUSINESS)).contains(false);
    }

    @Test
    void deactivatingAgainIsANoOp() {
        givenRegistered(new BusinessDeactivated(BUSINESS, 2))
                .when(new DeactivateBusiness(BUSINESS, null))
                .expectNoEvents()
                .expectRevision(2);
    }

    @Test
    void deactivateAgainstAStaleRevisionIsRejected() {
        givenRegistered(new BusinessUpdated(BUSINESS, SALON_RENAMED, 2))
                .when(new DeactivateBusiness(BUSINESS, 1L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void updatingAnUnknownBusinessIsNotFound() {
        givenRegistered().when(new UpdateBusiness(OTHER_BUSINESS, SALON, null))
                .expectException(ErrorCode.BUSINESS_NOT_FOUND);
    }

    @Test
    void deactivatingAnUnknownBusinessIsNotFound() {
        world.when(new DeactivateBusiness(OTHER_BUSINESS, null))
                .expectException(ErrorCode.BUSINESS_NOT_FOUND);
    }
}
