package cn.carbonmarket.allocation.reserve;

import static cn.carbonmarket.allocation.rules.RuleFile.figure;
import static cn.carbonmarket.allocation.rules.RuleFile.flag;

import cn.carbonmarket.allocation.rules.RuleFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/**
 * The stability reserve's part of rules/auction-rules.json per benchmark pack (its {@code stabilityReserve}
 * section; the auction package reads the rest). A missing or malformed figure stops the service.
 */
public final class ReserveRules {

    /** The primary auctions' and the stability reserve's rule file. */
    public static final String RESOURCE = "/rules/auction-rules.json";

    private final Map<String, ReserveRule> rules;

    private ReserveRules(Map<String, ReserveRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public Optional<ReserveRule> of(String pack) {
        return Optional.ofNullable(rules.get(pack));
    }

    public static ReserveRules load(ObjectMapper mapper) {
        return new ReserveRules(RuleFile.read(mapper, RESOURCE, ReserveRules::rule));
    }

    private static ReserveRule rule(String pack, JsonNode node) {
        JsonNode reserve = node.required("stabilityReserve");
        JsonNode ccr = reserve.required("costContainment");
        JsonNode ecr = reserve.required("emissionsContainment");
        JsonNode stabilisation = reserve.required("stabilisation");
        return new ReserveRule(pack,
                new ReserveRule.Containment(flag(ccr.required("enabled")), price(ccr.required("trigger")),
                        figure(ccr.required("releaseShare"))),
                new ReserveRule.Containment(flag(ecr.required("enabled")), price(ecr.required("floor")),
                        figure(ecr.required("withholdShare"))),
                new ReserveRule.Stabilisation(flag(stabilisation.required("enabled")),
                        figure(stabilisation.required("share"))));
    }

    private static ReserveRule.YearlyPrice price(JsonNode node) {
        JsonNode year = node.required("baseYear");
        if (!year.canConvertToInt()) {
            throw new IllegalStateException("rule baseYear is written as a year, not " + year);
        }
        return new ReserveRule.YearlyPrice(year.intValue(), figure(node.required("baseFen")),
                figure(node.required("annualIncrease")));
    }
}
