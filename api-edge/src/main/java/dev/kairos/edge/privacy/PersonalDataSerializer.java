package dev.kairos.edge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.waitlist.WaitlistJoined;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Axon's Jackson serializer for stored events and snapshots, with the personal data of what it writes sealed and of
 * what it reads opened (see {@link PersonalData}); aggregates and projections see plain objects. Events that carry
 * personal data are written at {@link #REVISION}; their older, plaintext revision is turned into this one by
 * {@link PersonalDataUpcaster}.
 */
public final class PersonalDataSerializer implements Serializer {
    /** The revision of the events whose personal data is sealed (the earlier revision, null, stored it in the clear). */
    public static final String REVISION = "2";
    /** The events that carry personal data. */
    public static final Set<String> PERSONAL_EVENTS = Set.of(AppointmentBooked.class.getName(),
            AppointmentTransferredIn.class.getName(), WaitlistJoined.class.getName());

    private final Serializer delegate;
    private final PersonalData personalData;
    private final ObjectMapper mapper;

    public PersonalDataSerializer(Serializer delegate, PersonalData personalData, ObjectMapper mapper) {
        this.delegate = delegate;
        this.personalData = personalData;
        this.mapper = mapper;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<byte[]> serialized = delegate.serialize(object, byte[].class);
        byte[] data = serialized.getData();
        if (PersonalData.mayHoldPlaintext(data)) {
            try {
                JsonNode tree = mapper.readTree(data);
                if (personalData.seal(tree, PersonalData.Plaintext.SEAL)) {
                    data = mapper.writeValueAsBytes(tree);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SimpleSerializedObject<>(getConverter().convert(data, byte[].class, expectedRepresentation),
                expectedRepresentation, revised(serialized.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())
                || !getConverter().canConvert(serializedObject.getContentType(), byte[].class)) {
            return delegate.deserialize(serializedObject);
        }
        SerializedObject<byte[]> bytes = getConverter().convert(serializedObject, byte[].class);
        if (!PersonalData.holdsEnvelopes(bytes.getData())) {
            return delegate.deserialize(bytes);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(personalData.open(bytes.getData()), byte[].class,
                bytes.getType()));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return revised(delegate.typeForClass(type));
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static SerializedType revised(SerializedType type) {
        return PERSONAL_EVENTS.contains(type.getName()) ? new SimpleSerializedType(type.getName(), REVISION) : type;
    }
}
