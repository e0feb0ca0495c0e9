package dev.kairos.edge.feed;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks public events against the JSON Schemas the engine publishes for them, formats included. */
final class Schemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    static Set<ValidationMessage> errors(String schema, String event) {
        JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
        return compiled.validate(event, InputFormat.JSON);
    }

    static void assertValid(String schema, String event) {
        assertThat(errors(schema, event)).as(event).isEmpty();
    }
}
