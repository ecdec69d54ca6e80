package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.RuleFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reporting rule packs, keyed by benchmark pack id (a compliance period's {@code benchmark_pack}), read from
 * rules/reporting-rules.json: data with a source for every figure. A missing or malformed figure stops the service
 * rather than accounting by it.
 */
public final class ReportingRulePacks {

    public static final String RESOURCE = "/rules/reporting-rules.json";

    private final Map<String, ReportingRules> packs;

    private ReportingRulePacks(Map<String, ReportingRules> packs) {
        this.packs = Map.copyOf(packs);
    }

    public Optional<ReportingRules> of(String benchmarkPack) {
        return Optional.ofNullable(packs.get(benchmarkPack));
    }

    public static ReportingRulePacks load(ObjectMapper mapper) {
        return new ReportingRulePacks(RuleFile.read(mapper, RESOURCE, ReportingRulePacks::pack));
    }

    private static ReportingRules pack(String id, JsonNode node) {
        Map<FuelType, FuelRules> fuels = new EnumMap<>(FuelType.class);
        node.required("fuels").fields().forEachRemaining(entry -> {
            JsonNode fuel = entry.getValue();
            JsonNode range = fuel.required("plausibleCarbonContent");
            FuelRules rules = new FuelRules(fuel.required("unit").asText(), figure(fuel.required("netCalorificValue")),
                    figure(fuel.required("carbonContent")), figure(fuel.required("oxidationRate")),
                    figure(range.required("min")), figure(range.required("max")));
            if (rules.plausibleMin().value().compareTo(rules.plausibleMax().value()) > 0
                    || rules.oxidationRate().value().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalStateException(id + ": " + entry.getKey() + " has an empty plausible range or an"
                        + " oxidation rate above 1");
            }
            fuels.put(FuelType.valueOf(entry.getKey()), rules);
        });
        JsonNode indirect = node.required("indirectEmissions");
        JsonNode counted = indirect.required("counted");
        if (!counted.isBoolean()) {
            throw new IllegalStateException(id + ": indirectEmissions.counted is true or false, not " + counted);
        }
        return new ReportingRules(id, fuels, counted.asBoolean(), indirect.required("source").asText(),
                indirect.required("confirmed").asBoolean(), figure(node.required("gridFactor")),
                figure(node.required("intensityChangeThreshold")));
    }

    /** Reporting figures are never negative. */
    private static Figure figure(JsonNode node) {
        Figure figure = RuleFile.figure(node);
        if (figure.value().signum() < 0) {
            throw new IllegalStateException("a reporting rule is not negative: " + figure.value());
        }
        return figure;
    }
}
