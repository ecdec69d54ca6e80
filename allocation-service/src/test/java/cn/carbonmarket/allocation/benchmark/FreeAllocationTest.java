package cn.carbonmarket.allocation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Worked examples of the plans' benchmark method, each figure written out. */
class FreeAllocationTest {

    static final BenchmarkPacks PACKS = BenchmarkPacks.load(new ObjectMapper());
    static final BenchmarkPack P2019 = PACKS.of("CN-2019-2020").orElseThrow();
    static final BenchmarkPack P2021 = PACKS.of("CN-2021").orElseThrow();

    private static final GeneratingUnit COAL_600 = new GeneratingUnit("U-600", UnitCategory.COAL_ABOVE_300MW, 600,
            Cooling.WATER, true);
    private static final GeneratingUnit CONDENSING_600 = new GeneratingUnit("U-600C", UnitCategory.COAL_ABOVE_300MW,
            600, Cooling.WATER, false);

    static ProductionData data(long mwh, long gj, String load, String heatRatio) {
        return new ProductionData(mwh, gj, new BigDecimal(load), new BigDecimal(heatRatio));
    }

    @Test
    void aCogenerating600MwCoalUnitUnderThe2019To2020Plan() {
        // 3,000,000 MWh x 0.877 x (1 - 0.22 x 0.15 = 0.967) = 2,544,177 t; 1,000,000 GJ x 0.126 = 126,000 t.
        // The load-factor correction is for pure condensing units only in this plan: none for this one at 70%.
        UnitAllocation allocation = FreeAllocation.of(P2019, COAL_600, data(3_000_000, 1_000_000, "0.70", "0.15"));

        assertThat(allocation.heatSupplyFactor()).isEqualByComparingTo("0.967");
        assertThat(allocation.loadFactorFactor()).isEqualByComparingTo("1");
        assertThat(allocation.electricityPart()).isEqualByComparingTo("2544177");
        assertThat(allocation.heatPart()).isEqualByComparingTo("126000");
        assertThat(allocation.tonnes()).isEqualTo(2_670_177);
    }

    @Test
    void theSameUnitGetsLessUnderThe2021BenchmarksThanUnderThe2019To2020Ones() {
        // 3,000,000 x 0.8218 x 0.967 = 2,384,041.8 t; 1,000,000 x 0.1111 = 111,100 t; 2,495,141.8 -> 2,495,142 t.
        UnitAllocation allocation = FreeAllocation.of(P2021, COAL_600, data(3_000_000, 1_000_000, "0.90", "0.15"));

        assertThat(allocation.tonnes()).isEqualTo(2_495_142);
        assertThat(allocation.tonnes()).isLessThan(
                FreeAllocation.of(P2019, COAL_600, data(3_000_000, 1_000_000, "0.90", "0.15")).tonnes());
    }

    @Test
    void anAirCooledUnitGetsFivePercentMoreOnItsElectricity() {
        // 1,500,000 MWh x 0.979 x 1.05 = 1,541,925 t (a pure condensing unit at a load factor of 86%).
        GeneratingUnit unit = new GeneratingUnit("U-300A", UnitCategory.COAL_300MW_AND_BELOW, 300, Cooling.AIR, false);
        UnitAllocation allocation = FreeAllocation.of(P2019, unit, data(1_500_000, 0, "0.86", "0"));

        assertThat(allocation.coolingFactor()).isEqualByComparingTo("1.05");
        assertThat(allocation.tonnes()).isEqualTo(1_541_925);
    }

    @Test
    void aGasUnitHasItsOwnBenchmarksAndNoCoolingFactor() {
        // 1,200,000 MWh x 0.392 x (1 - 0.6 x 0.2 = 0.88) = 413,952 t; 500,000 GJ x 0.059 = 29,500 t.
        GeneratingUnit unit = new GeneratingUnit("U-GAS", UnitCategory.GAS, 400, Cooling.AIR, true);
        UnitAllocation allocation = FreeAllocation.of(P2019, unit, data(1_200_000, 500_000, "0.60", "0.2"));

        assertThat(allocation.coolingFactor()).isEqualByComparingTo("1");
        assertThat(allocation.loadFactorFactor()).isEqualByComparingTo("1");
        assertThat(allocation.tonnes()).isEqualTo(443_452);
    }

    @Test
    void aPureCondensingCoalUnitBelow85PercentLoadGetsTheTiersCorrection() {
        // 2,000,000 MWh x 0.877 = 1,754,000 t before the correction.
        ProductionData at82 = data(2_000_000, 0, "0.82", "0");
        ProductionData at78 = data(2_000_000, 0, "0.78", "0");
        ProductionData at70 = data(2_000_000, 0, "0.70", "0");

        // 1 + 0.0014 x (85 - 82) = 1.0042: 1,761,366.8 -> 1,761,367 t.
        assertThat(FreeAllocation.of(P2019, CONDENSING_600, at82).loadFactorFactor()).isEqualByComparingTo("1.0042");
        assertThat(FreeAllocation.of(P2019, CONDENSING_600, at82).tonnes()).isEqualTo(1_761_367);
        // 1.007 + 0.0016 x (80 - 78) = 1.0102: 1,771,890.8 -> 1,771,891 t.
        assertThat(FreeAllocation.of(P2019, CONDENSING_600, at78).tonnes()).isEqualTo(1_771_891);
        // 1.015 ^ (16 - 20 x 0.70) = 1.015^2 = 1.030225: 1,807,014.65 -> 1,807,015 t.
        assertThat(FreeAllocation.of(P2019, CONDENSING_600, at70).loadFactorFactor()).isEqualByComparingTo("1.030225");
        assertThat(FreeAllocation.of(P2019, CONDENSING_600, at70).tonnes()).isEqualTo(1_807_015);
    }

    @Test
    void from2021TheLoadFactorCorrectionAlsoReachesCoalUnitsThatSupplyHeat() {
        // 3,000,000 x 0.8218 x 0.967 x 1.030225 (70% load) = 2,456,099.4... ; + 111,100 t of heat.
        UnitAllocation allocation = FreeAllocation.of(P2021, COAL_600, data(3_000_000, 1_000_000, "0.70", "0.15"));

        assertThat(allocation.loadFactorFactor()).isEqualByComparingTo("1.030225");
        assertThat(allocation.tonnes()).isEqualTo(new BigDecimal("2384041.8").multiply(new BigDecimal("1.030225"))
                .add(new BigDecimal("111100")).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    @Test
    void preAllocationIsSeventyPercentOfTheBaseYearThenTheTrueUpIssuesOrClawsBackTheDifference() {
        long pre = FreeAllocation.preAllocation(2_670_177, new BigDecimal("0.70"));
        assertThat(pre).isEqualTo(1_869_124); // 1,869,123.9 rounded half up

        assertThat(FreeAllocation.trueUp(2_700_000, pre)).isEqualTo(830_876);
        assertThat(FreeAllocation.trueUp(1_800_000, pre)).isEqualTo(-69_124);
    }

    @Test
    void everyPeriodsFigureNamesTheAllocationPlanItComesFrom() {
        for (String period : new String[] {"CN-2019-2020", "CN-2021", "CN-2022"}) {
            BenchmarkPack pack = PACKS.of(period).orElseThrow();
            assertThat(pack.electricity().values()).allSatisfy(figure -> assertThat(figure.source()).contains("MEE"));
            assertThat(pack.heat().values()).allSatisfy(figure -> assertThat(figure.source()).contains("MEE"));
            assertThat(pack.loadFactorSource()).contains("MEE");
        }
        assertThat(PACKS.of("CN-2030")).isEmpty();
    }

    @Test
    void productionDataOutsideItsRangesIsRefused() {
        assertThatThrownBy(() -> data(-1, 0, "0.9", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data(1, 0, "1.2", "0")).hasMessageContaining("loadFactor");
        assertThatThrownBy(() -> data(1, 0, "0.9", "-0.1")).hasMessageContaining("heatSupplyRatio");
        assertThatThrownBy(() -> new GeneratingUnit("U", UnitCategory.GAS, 0, Cooling.WATER, false))
                .hasMessageContaining("capacity");
    }
}
