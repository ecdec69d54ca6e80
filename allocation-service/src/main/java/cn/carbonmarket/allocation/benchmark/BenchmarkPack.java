package cn.carbonmarket.allocation.benchmark;

import cn.carbonmarket.allocation.rules.Figure;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compliance period's benchmarks and correction factors, each figure with its source: supply benchmarks per unit
 * category (tCO2/MWh), heat benchmarks per fuel (tCO2/GJ), the cooling factor of coal units, the heat-supply
 * correction's coefficient per fuel ({@code 1 − coefficient × heat-supply ratio}) and the load-factor tiers with the
 * categories they apply to, and the share of the base year's allocation each year of the period is pre-allocated.
 */
public record BenchmarkPack(String period, Map<UnitCategory, Figure> electricity, Map<UnitCategory.Fuel, Figure> heat,
                            Map<Cooling, Figure> coalCooling, Map<UnitCategory.Fuel, Figure> heatSupplyCoefficient,
                            Set<UnitCategory> loadFactorAppliesTo, boolean loadFactorPureCondensingOnly,
                            List<LoadFactorTier> loadFactorTiers, String loadFactorSource,
                            Figure preAllocationShare) {

    public BenchmarkPack {
        complete(period, "electricity benchmarks", electricity, UnitCategory.values());
        complete(period, "heat benchmarks", heat, UnitCategory.Fuel.values());
        complete(period, "cooling factors", coalCooling, Cooling.values());
        complete(period, "heat-supply coefficients", heatSupplyCoefficient, UnitCategory.Fuel.values());
        electricity = new EnumMap<>(electricity);
        heat = new EnumMap<>(heat);
        coalCooling = new EnumMap<>(coalCooling);
        heatSupplyCoefficient = new EnumMap<>(heatSupplyCoefficient);
        loadFactorAppliesTo = Set.copyOf(loadFactorAppliesTo);
        loadFactorTiers = loadFactorTiers.stream()
                .sorted(Comparator.comparing(LoadFactorTier::atLeast).reversed()).toList();
        if (loadFactorTiers.isEmpty() || loadFactorTiers.get(loadFactorTiers.size() - 1).atLeast().signum() != 0) {
            throw new IllegalStateException(period + ": the load-factor tiers must reach down to 0");
        }
        if (preAllocationShare == null || preAllocationShare.value().signum() < 0
                || preAllocationShare.value().compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException(period + ": the pre-allocation share is a figure from 0 to 1");
        }
        if (loadFactorSource == null || loadFactorSource.isBlank()) {
            throw new IllegalStateException(period + ": the load-factor correction names no source");
        }
    }

    /** The load-factor correction of a unit: 1 where it does not apply, else its tier's factor. */
    BigDecimal loadFactorCorrection(GeneratingUnit unit, ProductionData data) {
        if (!loadFactorAppliesTo.contains(unit.category())
                || (loadFactorPureCondensingOnly && unit.combinedHeatAndPower())) {
            return BigDecimal.ONE;
        }
        return loadFactorTiers.stream().filter(tier -> data.loadFactor().compareTo(tier.atLeast()) >= 0).findFirst()
                .orElseThrow().factor(data.loadFactor());
    }

    private static <K> void complete(String period, String what, Map<K, Figure> figures, K[] keys) {
        for (K key : keys) {
            if (figures == null || !figures.containsKey(key)) {
                throw new IllegalStateException(period + ": the " + what + " have no figure for " + key);
            }
        }
    }
}
