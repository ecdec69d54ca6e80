package cn.carbonmarket.allocation.compliance;

import static cn.carbonmarket.allocation.rules.RuleFile.bounds;
import static cn.carbonmarket.allocation.rules.RuleFile.decimal;
import static cn.carbonmarket.allocation.rules.RuleFile.figure;
import static cn.carbonmarket.allocation.rules.RuleFile.flag;
import static cn.carbonmarket.allocation.rules.RuleFile.sourced;

import cn.carbonmarket.allocation.compliance.penalty.FixedFine;
import cn.carbonmarket.allocation.compliance.penalty.PenaltyMethod;
import cn.carbonmarket.allocation.compliance.penalty.PriceMultiple;
import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Flag;
import cn.carbonmarket.allocation.rules.RuleFile;
import cn.carbonmarket.allocation.rules.Sourced;
import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The surrender rules per pack, read from rules/compliance-rules.json: data with a source for every figure, the
 * national market's packs and each pilot's. A missing or malformed figure stops the service rather than setting
 * obligations by it.
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
        Jurisdiction jurisdiction = Jurisdiction.valueOf(node.required("jurisdiction").asText());
        if (!pack.startsWith(jurisdiction.name() + "-")) {
            throw new IllegalStateException("compliance pack " + pack + " is named for its jurisdiction "
                    + jurisdiction);
        }
        JsonNode borrowing = node.required("borrowing");
        Flag allowed = flag(borrowing.required("allowed"));
        Figure none = new Figure(BigDecimal.ZERO, allowed.source(), allowed.confirmed());
        return new ComplianceRule(pack, jurisdiction, obligation(node.required("obligation")),
                offsets(node.required("offsets")), allowed,
                allowed.value() ? figure(borrowing.required("gapThresholdShare")) : none,
                allowed.value() ? figure(borrowing.required("maxShareOfGap")) : none,
                penalty(node.required("penalty")), figure(node.required("warningWindowDays")));
    }

    private static ObligationBasis obligation(JsonNode node) {
        Sourced<String> method = sourced(node.required("method"), JsonNode::asText);
        return switch (method.value()) {
            case "CAPPED_BY_ALLOCATION" -> new ObligationBasis.CappedByAllocation(
                    sourced(node.required("sector"), value -> Sector.parse(value.asText())),
                    flag(node.required("gasCappedAtAllocation")), figure(node.required("shortfallCapShare")),
                    method.source(), method.confirmed());
            case "VERIFIED_EMISSIONS" -> new ObligationBasis.VerifiedEmissions(method.source(), method.confirmed());
            default -> throw new IllegalStateException("unknown obligation method " + method.value());
        };
    }

    private static OffsetPolicy offsets(JsonNode node) {
        JsonNode local = node.required("local");
        return new OffsetPolicy(figure(node.required("limitShare")),
                sourced(node.required("products"), values -> texts(values).stream().map(Product::fromCode).toList()),
                local.required("region").isNull() ? null : Region.parse(local.get("region").asText()),
                new Figure(decimal(local, "minShare"), local.required("source").asText(),
                        local.required("confirmed").asBoolean()),
                sourced(node.required("excludedTypes"), values -> Set.copyOf(texts(values).stream()
                        .map(ProjectType::parse).toList())));
    }

    private static PenaltyMethod penalty(JsonNode node) {
        Figure deduction = figure(node.required("deductionMultiple"));
        String method = node.required("method").asText();
        return switch (method) {
            case PriceMultiple.METHOD -> new PriceMultiple(bounds(node.required("factor")),
                    figure(node.required("priceMonths")), node.has("capFen") ? figure(node.get("capFen")) : null,
                    deduction);
            case FixedFine.METHOD -> new FixedFine(bounds(node.required("fineFen")), deduction);
            default -> throw new IllegalStateException("unknown penalty method " + method);
        };
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalStateException("a list rule is written as a JSON array, not " + array);
        }
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
