package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.benchmark.Figure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The surrender rules per benchmark pack, read from rules/compliance-rules.json: data with a source for every figure.
 * A missing or malformed figure stops the service rather than setting obligations by it.
 */
public final class ComplianceRules {

    public static final String RESOURCE = "/rules/compliance-rules.json";

    private final Map<String, ComplianceRule> rules;

    private ComplianceRules(Map<String, ComplianceRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public Optional<ComplianceRule> of(String pack) {
        return Optional.ofNullable(rules.get(pack));
    }

    public static ComplianceRules load(ObjectMapper mapper) {
        try (InputStream in = ComplianceRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Map<String, ComplianceRule> rules = new LinkedHashMap<>();
            mapper.readTree(in).fields().forEachRemaining(entry -> {
                if (!entry.getKey().startsWith("_")) {
                    rules.put(entry.getKey(), rule(entry.getKey(), entry.getValue()));
                }
            });
            return new ComplianceRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compliance rules", e);
        }
    }

    private static ComplianceRule rule(String pack, JsonNode node) {
        JsonNode borrowing = node.required("borrowing");
        ComplianceRule.Flag allowed = flag(borrowing.required("allowed"));
        JsonNode penalty = node.required("penaltyFactor");
        String penaltySource = penalty.required("source").asText();
        boolean penaltyConfirmed = penalty.required("confirmed").asBoolean();
        Figure none = new Figure(BigDecimal.ZERO, allowed.source(), allowed.confirmed());
        return new ComplianceRule(pack, figure(node.required("offsetLimitShare")),
                flag(node.required("gasCappedAtAllocation")), figure(node.required("shortfallCapShare")), allowed,
                allowed.value() ? figure(borrowing.required("gapThresholdShare")) : none,
                allowed.value() ? figure(borrowing.required("maxShareOfGap")) : none,
                new Figure(decimal(penalty, "min"), penaltySource, penaltyConfirmed),
                new Figure(decimal(penalty, "max"), penaltySource, penaltyConfirmed),
                figure(node.required("warningWindowDays")));
    }

    private static Figure figure(JsonNode node) {
        return new Figure(decimal(node, "value"), node.required("source").asText(),
                node.required("confirmed").asBoolean());
    }

    private static ComplianceRule.Flag flag(JsonNode node) {
        JsonNode value = node.required("value");
        if (!value.isBoolean()) {
            throw new IllegalStateException("rule flag is written as true or false, not " + value);
        }
        return new ComplianceRule.Flag(value.asBoolean(), node.required("source").asText(),
                node.required("confirmed").asBoolean());
    }

    /** Figures are written as strings so that no binary fraction stands between the rule and the computation. */
    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isTextual()) {
            throw new IllegalStateException("rule " + field + " is written as a decimal string, not " + value);
        }
        return new BigDecimal(value.asText());
    }
}
