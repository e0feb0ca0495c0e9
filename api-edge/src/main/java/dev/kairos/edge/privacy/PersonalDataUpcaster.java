package dev.kairos.edge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision null to {@value PersonalDataSerializer#REVISION} of the events that carry personal data: the older
 * engine stored the customer's details and notes in the clear; this revision stores them sealed with the customer's
 * key. A customer erased since has their old plaintext replaced by the erased form instead.
 */
final class PersonalDataUpcaster extends SingleEventUpcaster {
    private final PersonalData personalData;

    PersonalDataUpcaster(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && PersonalDataSerializer.PERSONAL_EVENTS.contains(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), PersonalDataSerializer.REVISION),
                JsonNode.class, payload -> {
                    JsonNode copy = payload.deepCopy();
                    personalData.seal(copy, PersonalData.Plaintext.SEAL_UNLESS_ERASED);
                    return copy;
                });
    }
}
