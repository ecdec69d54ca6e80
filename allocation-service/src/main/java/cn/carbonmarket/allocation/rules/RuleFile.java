package cn.carbonmarket.allocation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the rule files under rules/ (benchmarks, reporting, compliance): one JSON object per pack, keyed by the pack's
 * id (keys starting with '_' are comments), every figure a decimal string with its source and whether it was
 * confirmed. A missing or malformed figure stops the service rather than letting it compute by it.
 *
 * <p>So that a document many figures rest on is written once, a file may name its documents in {@code "_sources"}
 * and a figure cite one as {@code "source": "@KEY"}; and a pack may be {@code "basedOn"} another, whose sections it
 * takes except those it writes itself (a pilot's 2025 pack is its 2024 pack unless a rule changed).
 */
public final class RuleFile {

    private static final String SOURCES = "_sources";
    private static final String SOURCE = "source";
    private static final String BASED_ON = "basedOn";
    private static final int MAX_BASES = 8;

    private RuleFile() {
    }

    /** The packs of {@code resource} by id, each made by {@code pack} from its id and its JSON. */
    public static <P> Map<String, P> read(ObjectMapper mapper, String resource, BiFunction<String, JsonNode, P> pack) {
        try (InputStream in = RuleFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            JsonNode root = mapper.readTree(in);
            Map<String, P> packs = new LinkedHashMap<>();
            root.fieldNames().forEachRemaining(id -> {
                if (!id.startsWith("_")) {
                    packs.put(id, pack.apply(id, citing(resolved(root, id, 0), root.path(SOURCES), id)));
                }
            });
            return packs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The pack with the sections of the pack it is based on that it does not write itself. */
    private static ObjectNode resolved(JsonNode root, String id, int depth) {
        JsonNode node = root.get(id);
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("no rule pack " + id);
        }
        if (!node.has(BASED_ON)) {
            return ((ObjectNode) node).deepCopy();
        }
        if (depth > MAX_BASES) {
            throw new IllegalStateException("rule pack " + id + " is based on itself through " + MAX_BASES + " packs");
        }
        ObjectNode pack = resolved(root, node.get(BASED_ON).asText(), depth + 1);
        node.fields().forEachRemaining(section -> {
            if (!BASED_ON.equals(section.getKey())) {
                pack.set(section.getKey(), section.getValue().deepCopy());
            }
        });
        return pack;
    }

    /** Every {@code "source": "@KEY"} in the pack replaced by the text of that document in {@code "_sources"}. */
    private static JsonNode citing(JsonNode node, JsonNode sources, String id) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String text = field.getValue().asText();
                if (SOURCE.equals(field.getKey()) && field.getValue().isTextual() && text.startsWith("@")) {
                    JsonNode cited = sources.get(text.substring(1));
                    if (cited == null || !cited.isTextual()) {
                        throw new IllegalStateException("rule pack " + id + " cites " + text + ", not in _sources");
                    }
                    field.setValue(cited);
                } else {
                    citing(field.getValue(), sources, id);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> citing(element, sources, id));
        }
        return node;
    }

    /** A figure: {@code {"value": "0.877", "source": "...", "confirmed": false}}. */
    public static Figure figure(JsonNode node) {
        return new Figure(decimal(node, "value"), node.required("source").asText(),
                node.required("confirmed").asBoolean());
    }

    /** A yes/no rule: {@code {"value": true, "source": "...", "confirmed": false}}. */
    public static Flag flag(JsonNode node) {
        JsonNode value = node.required("value");
        if (!value.isBoolean()) {
            throw new IllegalStateException("rule flag is written as true or false, not " + value);
        }
        return new Flag(value.asBoolean(), node.required("source").asText(), node.required("confirmed").asBoolean());
    }

    /** Figures are written as strings so that no binary fraction stands between the rule and the computation. */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isTextual()) {
            throw new IllegalStateException("rule " + field + " is written as a decimal string, not " + value);
        }
        return new BigDecimal(value.asText());
    }

    /** A range the authority chooses within: {@code {"min": "5", "max": "10", "source": "...", "confirmed": true}}. */
    public static Bounds bounds(JsonNode node) {
        return new Bounds(decimal(node, "min"), decimal(node, "max"), node.required(SOURCE).asText(),
                node.required("confirmed").asBoolean());
    }

    /** A rule that is not a number (a list, a method, a region): its {@code value} read by {@code read}. */
    public static <T> Sourced<T> sourced(JsonNode node, Function<JsonNode, T> read) {
        return new Sourced<>(read.apply(node.required("value")), node.required(SOURCE).asText(),
                node.required("confirmed").asBoolean());
    }
}
