package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** Fixed ids, profiles and terms for the catalog tests. */
final class CatalogTestData {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));
    static final BusinessId OTHER_BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b002"));
    static final ServiceId SERVICE = new ServiceId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    static final BusinessProfile SALON = new BusinessProfile("Salon Kairos", ZoneId.of("Europe/Berlin"), "EUR", Map.of("theme", "dark"));
    static final BusinessProfile SALON_RENAMED = new BusinessProfile("Salon Kairos & Co", ZoneId.of("Europe/Berlin"), "EUR", Map.of("theme", "dark"));
    static final ServiceTerms HAIRCUT = terms("Haircut", 60);
    static final ServiceTerms LONG_HAIRCUT = terms("Haircut", 75);

    private CatalogTestData() {
    }

    static ServiceTerms terms(String name, int minutes) {
        return new ServiceTerms(name, "wash, cut, dry", Duration.ofMinutes(minutes), new Money(new BigDecimal("35.00"), "EUR"),
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(2), 60, null, 1, null);
    }
}
