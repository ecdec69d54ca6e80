package cn.carbonmarket.allocation.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The benchmark method of the national allocation plans for power: a unit's allocation is electricity supplied ×
 * its category's supply benchmark × the cooling, heat-supply and load-factor corrections, plus heat supplied × its
 * fuel's heat benchmark. Exact decimal arithmetic; the unit's total is rounded half up to whole tonnes once, and an
 * entity's allocation is the sum of its units' whole tonnes. Pre-allocation and true-up work on those tonnes.
 */
public final class FreeAllocation {

    private FreeAllocation() {
    }

    public static UnitAllocation of(BenchmarkPack pack, GeneratingUnit unit, ProductionData data) {
        UnitCategory category = unit.category();
        BigDecimal cooling = category.fuel() == UnitCategory.Fuel.COAL
                ? pack.coalCooling().get(unit.cooling()).value() : BigDecimal.ONE;
        BigDecimal heatSupply = BigDecimal.ONE.subtract(
                pack.heatSupplyCoefficient().get(category.fuel()).value().multiply(data.heatSupplyRatio()));
        BigDecimal load = pack.loadFactorCorrection(unit, data);
        BigDecimal electricity = BigDecimal.valueOf(data.electricitySuppliedMwh())
                .multiply(pack.electricity().get(category).value())
                .multiply(cooling).multiply(heatSupply).multiply(load);
        BigDecimal heat = BigDecimal.valueOf(data.heatSuppliedGj()).multiply(pack.heat().get(category.fuel()).value());
        long tonnes = electricity.add(heat).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new UnitAllocation(unit.unitId(), pack.period(), electricity, heat, cooling, heatSupply, load, tonnes);
    }

    /** The share of the base year's allocation issued before the period's data are verified, half up to tonnes. */
    public static long preAllocation(long baseYearTonnes, BigDecimal share) {
        if (baseYearTonnes < 0 || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("pre-allocation takes a share from 0 to 1 of a non-negative allocation");
        }
        return BigDecimal.valueOf(baseYearTonnes).multiply(share).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** What the true-up issues (positive) or claws back (negative) once the final allocation is known. */
    public static long trueUp(long finalTonnes, long issuedTonnes) {
        return Math.subtractExact(finalTonnes, issuedTonnes);
    }
}
