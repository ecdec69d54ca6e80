package cn.carbonmarket.platform.asyncapi;

import cn.carbonmarket.platform.asyncapi.AsyncApiDocument.Located;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a payload record with its JSON Schema, recursively: an object with exactly the record's components as
 * properties, an array for a collection, the enum's constants where the schema lists values, and for everything
 * else the JSON type the codec writes the value as (a value type written as a string or an integer is a leaf).
 */
final class RecordSchemas {

    private final AsyncApiDocument document;
    private final ObjectMapper codec;
    private final Samples samples;

    RecordSchemas(AsyncApiDocument document, ObjectMapper codec) {
        this.document = document;
        this.codec = codec;
        this.samples = new Samples(document);
    }

    /** What differs, one line each with the path of the field; empty when the schema matches. */
    List<String> differences(Type type, Located schema, String path) {
        List<String> differences = new ArrayList<>();
        compare(type, document.resolve(schema), path, differences);
        return differences;
    }

    private void compare(Type type, Located schema, String path, List<String> differences) {
        if (schema.missing()) {
            differences.add(path + ": not in the schema");
            return;
        }
        Class<?> raw = raw(type);
        Set<String> types = types(schema.node());
        if (Collection.class.isAssignableFrom(raw)) {
            expect(types, "array", path, differences);
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            compare(element, document.resolve(Samples.child(schema, "items")), path + "[]", differences);
            return;
        }
        String written = jsonType(raw, schema);
        if (written.equals("object")) {
            expect(types, "object", path, differences);
            compareProperties(raw, schema, path, differences);
            return;
        }
        expect(types, written, path, differences);
        if (raw.isEnum() && schema.node().has("enum")) {
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> listed = new TreeSet<>();
            schema.node().get("enum").forEach(value -> {
                if (!value.isNull()) {
                    listed.add(value.asText());
                }
            });
            if (!listed.equals(constants)) {
                differences.add(path + ": enum " + listed + " but " + raw.getSimpleName() + " has " + constants);
            }
        }
    }

    private void compareProperties(Class<?> record, Located schema, String path, List<String> differences) {
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            compare(component.getGenericType(), document.resolve(Samples.child(schema, "properties",
                    component.getName())), path + "." + component.getName(), differences);
        }
        Set<String> documented = new TreeSet<>();
        schema.node().path("properties").fieldNames().forEachRemaining(documented::add);
        documented.removeAll(components);
        if (!documented.isEmpty()) {
            differences.add(path + ": documents " + documented + ", which " + record.getSimpleName() + " does not have");
        }
    }

    /** The JSON type the codec writes a value of this class as. */
    private String jsonType(Class<?> raw, Located schema) {
        JsonNode written = codec.valueToTree(samples.of(raw, schema));
        if (written.isObject()) {
            return "object";
        }
        if (written.isTextual()) {
            return "string";
        }
        if (written.isIntegralNumber()) {
            return "integer";
        }
        if (written.isNumber()) {
            return "number";
        }
        if (written.isBoolean()) {
            return "boolean";
        }
        throw new IllegalStateException(raw + " is written as " + written.getNodeType());
    }

    private static void expect(Set<String> types, String type, String path, List<String> differences) {
        if (!types.contains(type)) {
            differences.add(path + ": the record's field is a JSON " + type + " but the schema says " + types);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }
}
