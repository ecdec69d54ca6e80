package cn.carbonmarket.platform.asyncapi;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Money;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.Units;
import cn.carbonmarket.platform.asyncapi.AsyncApiDocument.Located;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A representative instance of an event record, built by reflection over its components, every one of them set:
 * the contracts' value types and numbers from fixed samples, enums their first constant, collections one element,
 * nested records the same way. A text field takes what its schema says it holds (an enum's first value, a uuid, a
 * timestamp, the first example), since a record's String does not say.
 */
final class Samples {

    static final PartyId PARTY = PartyId.parse("83dabb3c-a463-3f3e-b9fd-002e55c704cf");
    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

    /** Value types whose constructors check their arguments, and an enum whose first constant a record refuses. */
    private static final Map<Class<?>, Object> VALUES = Map.of(
            PartyId.class, PARTY,
            AccountId.class, AccountId.holdingOf(PARTY),
            InstrumentCode.class, InstrumentCode.parse("CEA-2025"),
            Units.class, Units.of(1_000),
            Money.class, Money.ofFen(5_836),
            Product.class, Product.CCER);

    private final AsyncApiDocument document;

    Samples(AsyncApiDocument document) {
        this.document = document;
    }

    Object of(Type type, Located schema) {
        Class<?> raw = RecordSchemas.raw(type);
        Located resolved = document.resolve(schema);
        if (VALUES.containsKey(raw)) {
            return VALUES.get(raw);
        }
        if (raw == String.class) {
            return text(resolved.node());
        }
        if (raw == long.class || raw == Long.class) {
            return 1_000L;
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("0.75");
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 3, 2);
        }
        if (raw == UUID.class) {
            return UUID.fromString("0195a3b2-7c00-7000-8000-000000000001");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            Object one = of(element, child(resolved, "items"));
            return Set.class.isAssignableFrom(raw) ? Set.of(one) : List.of(one);
        }
        if (raw.isRecord()) {
            return record(raw, resolved);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private Object record(Class<?> type, Located schema) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = of(components[i].getGenericType(),
                    child(schema, "properties", components[i].getName()));
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e);
        }
    }

    private static Object text(JsonNode schema) {
        for (JsonNode value : schema.path("enum")) {
            if (value.isTextual()) {
                return value.asText();
            }
        }
        return switch (schema.path("format").asText()) {
            case "uuid" -> PARTY.toString();
            case "date-time" -> AT.toString();
            case "date" -> "2026-03-02";
            default -> schema.path("examples").path(0).asText("sample");
        };
    }

    static Located child(Located parent, String... path) {
        JsonNode node = parent.node();
        for (String name : path) {
            node = node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
        }
        return new Located(node, parent.file(), parent.root(), parent.pointer() + "/" + String.join("/", path));
    }
}
