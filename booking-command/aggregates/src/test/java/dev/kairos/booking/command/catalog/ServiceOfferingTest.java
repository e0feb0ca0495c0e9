package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.DeactivateService;
import dev.kairos.booking.catalog.DefineService;
import dev.kairos.booking.catalog.ReviseService;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.command.support.BookingWorld;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.kairos.booking.command.catalog.CatalogTestData.BUSINESS;
import static dev.kairos.booking.command.catalog.CatalogTestData.HAIRCUT;
import static dev.kairos.booking.command.catalog.CatalogTestData.LONG_HAIRCUT;
import static dev.kairos.booking.command.catalog.CatalogTestData.NOW;
import static dev.kairos.booking.command.catalog.CatalogTestData.OTHER_BUSINESS;
import static dev.kairos.booking.command.catalog.CatalogTestData.SALON;
import static dev.kairos.booking.command.catalog.CatalogTestData.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceOfferingTest {
    private final BookingWorld world = new BookingWorld(NOW);

    @BeforeEach
    void twoTenants() {
        world.given(Business.class, BUSINESS, new BusinessRegistered(BUSINESS, SALON));
        world.given(Business.class, OTHER_BUSINESS, new BusinessRegistered(OTHER_BUSINESS, SALON));
    }

    private BookingWorld givenDefined(Object... more) {
        world.given(ServiceOffering.class, SERVICE, new ServiceDefined(SERVICE, BUSINESS, HAIRCUT));
        return more.length == 0 ? world : world.given(ServiceOffering.class, SERVICE, more);
    }

    @Test
    void defineForAnActiveBusinessEmitsServiceDefined() {
        world.when(new DefineService(SERVICE, BUSINESS, HAIRCUT))
                .expectEvents(new ServiceDefined(SERVICE, BUSINESS, HAIRCUT))
                .expectRevision(1);
    }

    @Test
    void defineForAnUnknownBusinessIsNotFound() {
        world.when(new DefineService(SERVICE, new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b999")), HAIRCUT))
                .expectException(ErrorCode.BUSINESS_NOT_FOUND);
    }

    @Test
    void defineForAnInactiveBusinessIsRejected() {
        world.given(Business.class, BUSINESS, new BusinessDeactivated(BUSINESS, 2))
                .when(new DefineService(SERVICE, BUSINESS, HAIRCUT))
                .expectException(ErrorCode.BUSINESS_INACTIVE);
    }

    @Test
    void reviseWithNewTermsEmitsServiceRevised() {
        givenDefined().when(new ReviseService(SERVICE, BUSINESS, LONG_HAIRCUT, 1L))
                .expectEvents(new ServiceRevised(SERVICE, BUSINESS, LONG_HAIRCUT, 2))
                .expectRevision(2);
        assertThat(world.lookups.service(SERVICE).orElseThrow().terms()).isEqualTo(LONG_HAIRCUT);
    }

    @Test
    void reviseWithSameTermsIsANoOp() {
        givenDefined(new ServiceRevised(SERVICE, BUSINESS, LONG_HAIRCUT, 2))
                .when(new ReviseService(SERVICE, BUSINESS, LONG_HAIRCUT, null))
                .expectNoEvents()
                .expectRevision(2);
    }

    @Test
    void reviseAgainstAStaleRevisionIsRejected() {
        givenDefined(new ServiceRevised(SERVICE, BUSINESS, LONG_HAIRCUT, 2))
                .when(new ReviseService(SERVICE, BUSINESS, HAIRCUT, 1L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void deactivateEmitsServiceDeactivated() {
        givenDefined().when(new DeactivateService(SERVICE, BUSINESS, 1L))
                .expectEvents(new ServiceDeactivated(SERVICE, BUSINESS, 2))
                .expectRevision(2);
        assertThat(world.lookups.service(SERVICE).orElseThrow().active()).isFalse();
    }

    @Test
    void deactivatingAgainIsANoOp() {
        givenDefined(new ServiceDeactivated(SERVICE, BUSINESS, 2))
                .when(new DeactivateService(SERVICE, BUSINESS, null))
                .expectNoEvents()
                .expectRevision(2);
    }

    @Test
    void deactivateAgainstAStaleRevisionIsRejected() {
        givenDefined(new ServiceRevised(SERVICE, BUSINESS, LONG_HAIRCUT, 2))
                .when(new DeactivateService(SERVICE, BUSINESS, 1L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void anotherTenantCannotReviseTheService() {
        givenDefined().when(new ReviseService(SERVICE, OTHER_BUSINESS, LONG_HAIRCUT, null))
                .expectException(ErrorCode.SERVICE_NOT_FOUND);
    }

    @Test
    void anotherTenantCannotDeactivateTheService() {
        givenDefined().when(new DeactivateService(SERVICE, OTHER_BUSINESS, null))
                .expectException(ErrorCode.SERVICE_NOT_FOUND);
    }

    @Test
    void revisingAnUnknownServiceIsNotFound() {
        givenDefined().when(new ReviseService(new ServiceId(UUID.fromString("00000000-0000-0000-0000-00000000c999")),
                        BUSINESS, LONG_HAIRCUT, null))
                .expectException(ErrorCode.SERVICE_NOT_FOUND);
    }

}
