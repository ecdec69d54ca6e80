package cn.carbonmarket.allocation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the benchmark method over every category, cooling and period. */
class FreeAllocationPropertiesTest {

    @Provide
    Arbitrary<BenchmarkPack> packs() {
        return Arbitraries.of("CN-2019-2020", "CN-2021", "CN-2022")
                .map(period -> FreeAllocationTest.PACKS.of(period).orElseThrow());
    }

    @Provide
    Arbitrary<GeneratingUnit> units() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(UnitCategory.class), Arbitraries.of(Cooling.class),
                        Arbitraries.of(true, false))
                .as((category, cooling, chp) -> new GeneratingUnit("U", category, 300, cooling, chp));
    }

    private static ProductionData data(long mwh, long gj, int loadPermille, int heatPermille) {
        return new ProductionData(mwh, gj, BigDecimal.valueOf(loadPermille, 3), BigDecimal.valueOf(heatPermille, 3));
    }

    @Property(tries = 500)
    void moreElectricityOrHeatSuppliedNeverGetsLess(@ForAll("packs") BenchmarkPack pack,
            @ForAll("units") GeneratingUnit unit, @ForAll @LongRange(max = 20_000_000) long mwh,
            @ForAll @LongRange(max = 20_000_000) long gj, @ForAll @LongRange(max = 1_000_000) long more,
            @ForAll @IntRange(max = 1000) int load, @ForAll @IntRange(max = 1000) int heatRatio) {
        long base = FreeAllocation.of(pack, unit, data(mwh, gj, load, heatRatio)).tonnes();

        assertThat(FreeAllocation.of(pack, unit, data(mwh + more, gj, load, heatRatio)).tonnes())
                .isGreaterThanOrEqualTo(base);
        assertThat(FreeAllocation.of(pack, unit, data(mwh, gj + more, load, heatRatio)).tonnes())
                .isGreaterThanOrEqualTo(base);
    }

    @Property(tries = 500)
    void aLowerLoadFactorNeverGetsLess(@ForAll("packs") BenchmarkPack pack, @ForAll("units") GeneratingUnit unit,
            @ForAll @LongRange(max = 20_000_000) long mwh, @ForAll @IntRange(max = 999) int load) {
        long at = FreeAllocation.of(pack, unit, data(mwh, 0, load, 0)).tonnes();
        long lower = FreeAllocation.of(pack, unit, data(mwh, 0, Math.max(0, load - 1), 0)).tonnes();

        assertThat(lower).isGreaterThanOrEqualTo(at);
    }

    @Property(tries = 200)
    void theUnitsTonnesAreItsExactPartsRoundedHalfUpOnce(@ForAll("packs") BenchmarkPack pack,
            @ForAll("units") GeneratingUnit unit, @ForAll @LongRange(max = 20_000_000) long mwh,
            @ForAll @LongRange(max = 20_000_000) long gj, @ForAll @IntRange(max = 1000) int load,
            @ForAll @IntRange(max = 1000) int heatRatio) {
        UnitAllocation allocation = FreeAllocation.of(pack, unit, data(mwh, gj, load, heatRatio));
        BigDecimal exact = allocation.electricityPart().add(allocation.heatPart());

        assertThat(BigDecimal.valueOf(allocation.tonnes()).subtract(exact).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.5"));
    }
}
