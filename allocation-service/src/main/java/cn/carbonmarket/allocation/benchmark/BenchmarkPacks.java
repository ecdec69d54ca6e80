package cn.carbonmarket.allocation.benchmark;

import static cn.carbonmarket.allocation.rules.RuleFile.decimal;
import static cn.carbonmarket.allocation.rules.RuleFile.figure;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.RuleFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The benchmark rule packs of every compliance period, read from rules/allocation-benchmarks.json: data with a
 * source for every figure, not code. A missing or malformed figure stops the service rather than allocating by it.
 */
public final class BenchmarkPacks {

    public static final String RESOURCE = "/rules/allocation-benchmarks.json";

    private final Map<String, BenchmarkPack> packs;

    private BenchmarkPacks(Map<String, BenchmarkPack> packs) {
        this.packs = Map.copyOf(packs);
    }

    public Optional<BenchmarkPack> of(String period) {
        return Optional.ofNullable(packs.get(period));
    }

    public static BenchmarkPacks load(ObjectMapper mapper) {
        return new BenchmarkPacks(RuleFile.read(mapper, RESOURCE, BenchmarkPacks::pack));
    }

    private static BenchmarkPack pack(String period, JsonNode node) {
        JsonNode load = node.required("loadFactor");
        Set<UnitCategory> appliesTo = EnumSet.noneOf(UnitCategory.class);
        load.required("appliesTo").forEach(category -> appliesTo.add(UnitCategory.valueOf(category.asText())));
        List<LoadFactorTier> tiers = new ArrayList<>();
        load.required("tiers").forEach(tier -> tiers.add(tier.has("powerBase")
                ? LoadFactorTier.power(decimal(tier, "atLeast"), decimal(tier, "powerBase"),
                        decimal(tier, "exponentAt"), decimal(tier, "exponentPerUnit"))
                : LoadFactorTier.linear(decimal(tier, "atLeast"), decimal(tier, "base"), decimal(tier, "perPoint"),
                        decimal(tier, "pivot"))));
        return new BenchmarkPack(period,
                figures(node.required("electricity"), UnitCategory.class, UnitCategory::valueOf),
                figures(node.required("heat"), UnitCategory.Fuel.class, UnitCategory.Fuel::valueOf),
                figures(node.required("coalCooling"), Cooling.class, Cooling::valueOf),
                figures(node.required("heatSupplyCoefficient"), UnitCategory.Fuel.class, UnitCategory.Fuel::valueOf),
                appliesTo, load.required("pureCondensingOnly").asBoolean(), tiers, load.required("source").asText(),
                figure(node.required("preAllocationShare")));
    }

    private static <K extends Enum<K>> Map<K, Figure> figures(JsonNode node, Class<K> type, Function<String, K> key) {
        Map<K, Figure> figures = new EnumMap<>(type);
        node.fields().forEachRemaining(entry -> figures.put(key.apply(entry.getKey()), figure(entry.getValue())));
        return figures;
    }
}
