package dev.kairos.edge.config;

import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.catalog.DeactivateBusiness;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRoutingTest {
    private final CommandRouting routing = new CommandRouting();
    private final BusinessId business = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private final StaffId staff = new StaffId(UUID.fromString("00000000-0000-0000-0000-00000000000f"));
    private final AppointmentId appointment = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));

    @Test
    void calendarCommandsRouteByStaffMember() {
        BookSlot book = new BookSlot(appointment, business, staff, new ServiceId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()), new CustomerDetails("Ada", "ada@example.com", null),
                Instant.parse("2026-12-07T09:00:00Z"), null, Map.of());
        assertThat(routing.getRoutingKey(GenericCommandMessage.asCommandMessage(book))).isEqualTo(staff.toString());
    }

    @Test
    void otherCommandsRouteByWhatTheyAreAbout() {
        assertThat(routing.getRoutingKey(GenericCommandMessage.asCommandMessage(new CancelAppointment(appointment, business, "x", null))))
                .isEqualTo(appointment.toString());
        assertThat(routing.getRoutingKey(GenericCommandMessage.asCommandMessage(new DeactivateBusiness(business, null))))
                .isEqualTo(business.toString());
    }
}
