package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.benchmark.Figure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
        try (InputStream in = ReportingRulePacks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Map<String, ReportingRules> packs = new LinkedHashMap<>();
            mapper.readTree(in).fields().forEachRemaining(entry -> {
                if (!entry.getKey().startsWith("_")) {
                    packs.put(entry.getKey(), pack(entry.getKey(), entry.getValue()));
                }
            });
            return new ReportingRulePacks(packs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reporting rules", e);
        }
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

    private static Figure figure(JsonNode node) {
        JsonNode value = node.required("value");
        if (!value.isTextual()) {
            throw new IllegalStateException("a reporting rule is written as a decimal string, not " + value);
        }
        BigDecimal decimal = new BigDecimal(value.asText());
        if (decimal.signum() < 0) {
            throw new IllegalStateException("a reporting rule is not negative: " + value);
        }
        return new Figure(decimal, node.required("source").asText(), node.required("confirmed").asBoolean());
    }
}
