package dev.kairos.booking.command.calendar;

import dev.kairos.booking.common.ServiceId;

import java.time.Instant;

/** The service and start a live hold keeps. */
public record HeldSlot(ServiceId serviceId, Instant start) {
}
