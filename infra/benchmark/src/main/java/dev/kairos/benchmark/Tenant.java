package dev.kairos.benchmark;

import java.util.List;
import java.util.UUID;

/**
 * The business the load runs against.
 *
 * @param bookedService  30-minute service every staff member provides; the booking phase books it
 * @param queriedService service only the first {@code queryStaff} staff members provide; the availability phase queries it
 */
record Tenant(UUID businessId, UUID bookedService, UUID queriedService, List<UUID> staff) {
}
