package dev.kairos.booking.command.waitlist;

import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.waitlist.OfferFreedTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Turns freed time (a cancellation, a reschedule or move away, a released or expired hold) into an offer to the
 * waitlist. Waitlists of the business are asked in a fair order: the one whose offer just ended first (so its lapse
 * is recorded and its next customer is asked), then by which has the earliest-joined customer who could use the
 * time. The first waitlist that makes an offer ends the search; the staff calendar decides whether the time is
 * really free for that service.
 */
@Component
@ProcessingGroup(WaitlistMatcher.PROCESSING_GROUP)
class WaitlistMatcher {
    static final String PROCESSING_GROUP = "waitlist";
    private static final Logger log = LoggerFactory.getLogger(WaitlistMatcher.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Executor offers;

    WaitlistMatcher(CommandGateway commands, JdbcTemplate jdbc, @Qualifier("waitlistOffers") Executor offers) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.offers = offers;
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        List<Timestamp> start = jdbc.queryForList("SELECT slot_start FROM cmd_appointment WHERE appointment_id = ?",
                Timestamp.class, event.appointmentId().id());
        if (!start.isEmpty() && start.get(0) != null) {
            freed(event.businessId(), event.staffId(), start.get(0).toInstant(), null);
        }
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        freed(event.businessId(), event.staffId(), event.previousSlot().start(), null);
    }

    @EventHandler
    void on(AppointmentTransferredIn event) {
        freed(event.businessId(), event.fromStaffId(), event.previousSlot().start(), null);
    }

    @EventHandler
    void on(HoldReleased event) {
        freed(event.businessId(), event.staffId(), event.slot().start(), event.holdId());
    }

    @EventHandler
    void on(HoldExpired event) {
        freed(event.businessId(), event.staffId(), event.slot().start(), event.holdId());
    }

    private void freed(BusinessId businessId, StaffId staffId, Instant start, HoldId endedHold) {
        UUID hold = endedHold == null ? null : endedHold.id();
        List<UUID> services = jdbc.queryForList("SELECT service_id FROM cmd_waitlist_entry WHERE business_id = ? "
                        + "AND ((state = 'WAITING' AND (staff_id IS NULL OR staff_id = ?) AND window_from <= ? AND window_to > ?) "
                        + "OR offer_hold_id = ?) "
                        + "GROUP BY service_id ORDER BY bool_or(offer_hold_id IS NOT NULL AND offer_hold_id = ?) DESC, min(joined_seq)",
                UUID.class, businessId.id(), staffId.id(), Timestamp.from(start), Timestamp.from(start), hold, hold);
        for (UUID service : services) {
            OfferFreedTime offer = new OfferFreedTime(businessId, new ServiceId(service), staffId, start, endedHold);
            try {
                // in a transaction of its own: a lost write race is retried by the gateway, not by replaying this event
                CommandOutcome outcome = CompletableFuture.supplyAsync(() -> commands.<CommandOutcome>sendAndWait(offer), offers).join();
                if (outcome != null && outcome.revision() == 1) {
                    return;
                }
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof BookingException refused)) {
                    throw e;
                }
                log.debug("time of staff member {} from {} not offered for service {}: {}", staffId, start, service, refused.getMessage());
            }
        }
    }
}
