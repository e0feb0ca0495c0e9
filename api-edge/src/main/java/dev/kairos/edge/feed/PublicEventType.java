package dev.kairos.edge.feed;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesCancelled;
import dev.kairos.booking.series.SeriesRescheduled;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.kairos.edge.feed.Field.id;
import static dev.kairos.edge.feed.Field.ids;
import static dev.kairos.edge.feed.Field.instant;
import static dev.kairos.edge.feed.Field.optionalId;
import static dev.kairos.edge.feed.Field.optionalMoney;
import static dev.kairos.edge.feed.Field.optionalSlot;
import static dev.kairos.edge.feed.Field.slot;
import static dev.kairos.edge.feed.Field.text;

/**
 * The public event catalogue: the versioned event types the engine publishes to integrators (docs/events.md), each
 * from the internal events named here. The catalogue is a contract: a change to a type's {@code data} that an
 * integrator could notice is a new type with the next version suffix, never an edit of this one. {@code data} names
 * people by id only (no names, emails or phone numbers).
 */
public enum PublicEventType {
    APPOINTMENT_BOOKED("kairos.appointment.booked.v1", "appointments", "appointmentId",
            "An appointment was booked, on its own, from a confirmed hold or as an occurrence of a series.",
            List.of(AppointmentBooked.class),
            id("appointmentId"), id("staffId"), id("serviceId"), optionalId("customerId"), optionalId("seriesId"),
            slot("slot"), instant("bookedAt")),
    APPOINTMENT_RESCHEDULED("kairos.appointment.rescheduled.v1", "appointments", "appointmentId",
            "An appointment moved to another time, and to another staff member when previousStaffId is set.",
            List.of(AppointmentRescheduled.class, AppointmentTransferredIn.class),
            id("appointmentId"), id("staffId"), optionalId("previousStaffId", "fromStaffId"), optionalSlot("previousSlot"),
            slot("slot"), text("initiatedBy"), optionalMoney("feeDue")),
    APPOINTMENT_CANCELLED("kairos.appointment.cancelled.v1", "appointments", "appointmentId",
            "An appointment was cancelled by the customer or the business (initiatedBy); feeDue is the cancellation fee charged, if any.",
            List.of(AppointmentCancelled.class),
            id("appointmentId"), id("staffId"), text("initiatedBy"), optionalMoney("feeDue")),
    APPOINTMENT_CONFIRMED("kairos.appointment.confirmed.v1", "appointments", "appointmentId",
            "The business confirmed an appointment.",
            List.of(AppointmentConfirmed.class), id("appointmentId"), id("staffId")),
    APPOINTMENT_COMPLETED("kairos.appointment.completed.v1", "appointments", "appointmentId",
            "An appointment took place.",
            List.of(AppointmentCompleted.class), id("appointmentId"), id("staffId")),
    APPOINTMENT_NO_SHOW("kairos.appointment.no-show.v1", "appointments", "appointmentId",
            "The customer did not come to an appointment.",
            List.of(AppointmentMarkedNoShow.class), id("appointmentId"), id("staffId")),
    HOLD_PLACED("kairos.hold.placed.v1", "holds", "holdId",
            "A slot is held for a customer until expiresAt.",
            List.of(HoldPlaced.class), id("holdId"), id("staffId"), id("serviceId"), slot("slot"), instant("expiresAt")),
    HOLD_CONFIRMED("kairos.hold.confirmed.v1", "holds", "holdId",
            "A hold became an appointment; its kairos.appointment.booked.v1 follows.",
            List.of(HoldConfirmed.class), id("holdId"), id("staffId"), id("appointmentId")),
    HOLD_RELEASED("kairos.hold.released.v1", "holds", "holdId",
            "A hold was given back before it expired; its slot is free again.",
            List.of(HoldReleased.class), id("holdId"), id("staffId"), id("serviceId"), slot("slot")),
    HOLD_EXPIRED("kairos.hold.expired.v1", "holds", "holdId",
            "A hold ran out unconfirmed; its slot is free again.",
            List.of(HoldExpired.class), id("holdId"), id("staffId"), id("serviceId"), slot("slot"), instant("expiredAt")),
    WAITLIST_OFFERED("kairos.waitlist.offered.v1", "waitlist", "entryId",
            "A freed slot is offered to a customer on the waitlist, held for them by holdId until expiresAt.",
            List.of(WaitlistSlotOffered.class),
            id("entryId"), id("serviceId"), optionalId("staffId"), slot("slot"), id("holdId"), instant("expiresAt")),
    CUSTOMER_ERASED("kairos.customer.erased.v1", "customers", "customerId",
            "A customer's personal data was erased (reason REQUESTED or RETENTION): forget what you hold about customerId.",
            List.of(CustomerErased.class), id("customerId"), text("reason"), instant("erasedAt")),
    SERIES_BOOKED("kairos.series.booked.v1", "series", "seriesId",
            "A recurring series was booked; each booked occurrence follows as its own kairos.appointment.booked.v1.",
            List.of(SeriesBooked.class),
            id("seriesId"), id("staffId"), id("serviceId"), optionalId("customerId"), text("rule"), text("zone"), text("mode")),
    SERIES_RESCHEDULED("kairos.series.rescheduled.v1", "series", "seriesId",
            "Occurrences of a series moved in one decision; each follows as its own kairos.appointment.rescheduled.v1.",
            List.of(SeriesRescheduled.class), id("seriesId"), id("staffId"), text("scope"), ids("appointmentIds")),
    SERIES_CANCELLED("kairos.series.cancelled.v1", "series", "seriesId",
            "Occurrences of a series were cancelled in one decision; each follows as its own kairos.appointment.cancelled.v1.",
            List.of(SeriesCancelled.class), id("seriesId"), id("staffId"), text("scope"), ids("appointmentIds"));

    static final String SPEC_VERSION = "1.0";
    static final String SCHEMAS = "/api/v1/events/schemas/";

    private final String type;
    private final String subjects;
    private final String subjectField;
    private final String description;
    private final List<Class<?>> sources;
    private final List<Field> fields;

    PublicEventType(String type, String subjects, String subjectField, String description, List<Class<?>> sources, Field... fields) {
        this.type = type;
        this.subjects = subjects;
        this.subjectField = subjectField;
        this.description = description;
        this.sources = sources;
        this.fields = List.of(fields);
    }

    public String type() {
        return type;
    }

    String description() {
        return description;
    }

    List<Field> fields() {
        return fields;
    }

    /** The resource the event is about, e.g. {@code appointments/{id}}. */
    String subject(ObjectNode data) {
        return subjects + "/" + data.path(subjectField).asString();
    }

    /** The internal event types (their stored payload type) this public type is made from. */
    List<String> sourceTypes() {
        return sources.stream().map(Class::getName).toList();
    }

    public static Optional<PublicEventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The JSON Schema (2020-12) of this type's whole CloudEvent. */
    ObjectNode schema(String publicUrl) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", publicUrl + SCHEMAS + type);
        schema.put("title", type);
        schema.put("description", description);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.set("specversion", json.objectNode().put("const", SPEC_VERSION));
        properties.set("id", json.objectNode().put("type", "string").put("minLength", 1));
        properties.set("source", json.objectNode().put("type", "string").put("pattern", "^/businesses/[0-9a-f-]{36}$"));
        properties.set("type", json.objectNode().put("const", type));
        properties.set("subject", json.objectNode().put("type", "string").put("pattern", "^" + subjects + "/[0-9a-f-]{36}$"));
        properties.set("time", json.objectNode().put("type", "string").put("format", "date-time"));
        properties.set("datacontenttype", json.objectNode().put("const", "application/json"));
        properties.set("dataschema", json.objectNode().put("const", publicUrl + SCHEMAS + type));
        ObjectNode data = json.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode dataProperties = data.putObject("properties");
        var required = data.putArray("required");
        for (Field field : fields) {
            dataProperties.set(field.name(), field.schema());
            required.add(field.name());
        }
        properties.set("data", data);
        var envelope = schema.putArray("required");
        for (String name : List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data")) {
            envelope.add(name);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
