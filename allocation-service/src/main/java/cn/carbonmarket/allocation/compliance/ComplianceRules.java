package cn.carbonmarket.allocation.compliance;

import static cn.carbonmarket.allocation.rules.RuleFile.decimal;
import static cn.carbonmarket.allocation.rules.RuleFile.figure;
import static cn.carbonmarket.allocation.rules.RuleFile.flag;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Flag;
import cn.carbonmarket.allocation.rules.RuleFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
        return new ComplianceRules(RuleFile.read(mapper, RESOURCE, ComplianceRules::rule));
    }

    private static ComplianceRule rule(String pack, JsonNode node) {
        JsonNode borrowing = node.required("borrowing");
        Flag allowed = flag(borrowing.required("allowed"));
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
}
