package cn.carbonmarket.allocation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads the rule files under rules/ (benchmarks, reporting, compliance): one JSON object per pack, keyed by the pack's
 * id (keys starting with '_' are comments), every figure a decimal string with its source and whether it was
 * confirmed. A missing or malformed figure stops the service rather than letting it compute by it.
 */
public final class RuleFile {

    private RuleFile() {
    }

    /** The packs of {@code resource} by id, each made by {@code pack} from its id and its JSON. */
    public static <P> Map<String, P> read(ObjectMapper mapper, String resource, BiFunction<String, JsonNode, P> pack) {
        try (InputStream in = RuleFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Map<String, P> packs = new LinkedHashMap<>();
            mapper.readTree(in).fields().forEachRemaining(entry -> {
                if (!entry.getKey().startsWith("_")) {
                    packs.put(entry.getKey(), pack.apply(entry.getKey(), entry.getValue()));
                }
            });
            return packs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
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
}
