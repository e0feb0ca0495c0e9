package dev.kairos.edge.feed;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One field of a public event's {@code data}: its name, where the internal event keeps it (the first of
 * {@code sources} present), its shape, and whether it may be null.
 */
record Field(String name, List<String> sources, Shape shape, boolean nullable) {
    enum Shape { ID, ID_LIST, TEXT, INSTANT, SLOT, MONEY }

    static Field id(String name, String... sources) {
        return new Field(name, sources(name, sources), Shape.ID, false);
    }

    static Field optionalId(String name, String... sources) {
        return new Field(name, sources(name, sources), Shape.ID, true);
    }

    static Field ids(String name) {
        return new Field(name, List.of(name), Shape.ID_LIST, false);
    }

    static Field text(String name) {
        return new Field(name, List.of(name), Shape.TEXT, false);
    }

    static Field optionalText(String name) {
        return new Field(name, List.of(name), Shape.TEXT, true);
    }

    static Field instant(String name) {
        return new Field(name, List.of(name), Shape.INSTANT, false);
    }

    static Field slot(String name) {
        return new Field(name, List.of(name), Shape.SLOT, false);
    }

    static Field optionalSlot(String name) {
        return new Field(name, List.of(name), Shape.SLOT, true);
    }

    static Field optionalMoney(String name) {
        return new Field(name, List.of(name), Shape.MONEY, true);
    }

    private static List<String> sources(String name, String... sources) {
        return sources.length == 0 ? List.of(name) : List.of(sources);
    }

    /** The value for the public event, read from the stored internal event; JSON null when it has none. */
    JsonNode read(JsonNode payload) {
        JsonNode value = sources.stream().map(payload::path).filter(v -> !v.isMissingNode() && !v.isNull())
                .findFirst().orElse(null);
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value == null) {
            return json.nullNode();
        }
        return switch (shape) {
            case ID -> json.stringNode(id(value));
            case ID_LIST -> {
                var list = json.arrayNode();
                value.forEach(item -> list.add(id(item)));
                yield list;
            }
            case TEXT, INSTANT -> json.stringNode(value.asString());
            case SLOT -> json.objectNode().put("start", value.path("start").asString()).put("end", value.path("end").asString());
            case MONEY -> json.objectNode().put("amount", value.path("amount").asString())
                    .put("currency", value.path("currency").asString());
        };
    }

    /** Ids are stored as {@code {"id": "..."}}; a plain string is taken as it is. */
    private static String id(JsonNode value) {
        return value.isObject() ? value.path("id").asString() : value.asString();
    }

    /** The JSON Schema of this field's value. */
    ObjectNode schema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode s = json.objectNode();
        switch (shape) {
            case ID -> s.put("type", "string").put("format", "uuid");
            case ID_LIST -> {
                s.put("type", "array");
                s.putObject("items").put("type", "string").put("format", "uuid");
            }
            case TEXT -> s.put("type", "string");
            case INSTANT -> s.put("type", "string").put("format", "date-time");
            case SLOT -> {
                s.put("type", "object").put("additionalProperties", false);
                s.putObject("properties").set("start", json.objectNode().put("type", "string").put("format", "date-time"));
                ((ObjectNode) s.get("properties")).set("end", json.objectNode().put("type", "string").put("format", "date-time"));
                s.putArray("required").add("start").add("end");
            }
            case MONEY -> {
                s.put("type", "object").put("additionalProperties", false);
                s.putObject("properties").set("amount", json.objectNode().put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$"));
                ((ObjectNode) s.get("properties")).set("currency", json.objectNode().put("type", "string").put("pattern", "^[A-Z]{3}$"));
                s.putArray("required").add("amount").add("currency");
            }
        }
        if (nullable) {
            ObjectNode either = json.objectNode();
            either.putArray("oneOf").add(s).add(json.objectNode().put("type", "null"));
            return either;
        }
        return s;
    }
}
