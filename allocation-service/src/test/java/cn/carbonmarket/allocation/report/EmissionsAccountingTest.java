package cn.carbonmarket.allocation.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.report.EmissionsAccounting.Accounted;
import cn.carbonmarket.allocation.report.EmissionsAccounting.UnitEmissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The national accounting method on worked examples, every figure written out. */
class EmissionsAccountingTest {

    private static final ReportingRulePacks PACKS = ReportingRulePacks.load(new ObjectMapper());
    private static final ReportingRules CN_2019_2020 = PACKS.of("CN-2019-2020").orElseThrow();
    private static final ReportingRules CN_2021 = PACKS.of("CN-2021").orElseThrow();
    private static final ReportingRules CN_2022 = PACKS.of("CN-2022").orElseThrow();

    private static FuelLine measuredCoal(String carbonContent) {
        return new FuelLine(FuelType.BITUMINOUS_COAL, new BigDecimal("1000000"), new BigDecimal("20.000"),
                CarbonContentMethod.MEASURED, new BigDecimal(carbonContent), "LAB-1", "S-1", null);
    }

    private static FuelLine defaultCoal() {
        return new FuelLine(FuelType.BITUMINOUS_COAL, new BigDecimal("1000000"), new BigDecimal("20.000"),
                CarbonContentMethod.DEFAULT, null, null, null, null);
    }

    private static UnitReport unit(String purchasedMwh, FuelLine... fuels) {
        return new UnitReport("U-1", 2_000_000L, 0L, new BigDecimal("0.80"), BigDecimal.ZERO,
                purchasedMwh == null ? null : new BigDecimal(purchasedMwh), List.of(fuels));
    }

    @Test
    void aCoalUnitWithMeasuredCarbonContentEmitsLessThanWithTheDefault() {
        // 1,000,000 t x 20 GJ/t x 0.026 tC/GJ x 0.99 (the pack's oxidation rate) x 44/12 = 1,887,600 t
        UnitEmissions measured = EmissionsAccounting.unit(unit(null, measuredCoal("0.02600")), CN_2021);
        assertThat(measured.tonnes()).isEqualTo(1_887_600);
        assertThat(measured.fuels().get(0).oxidationRate()).isEqualByComparingTo("0.99");
        assertThat(measured.fuels().get(0).defaultOxidationRate()).isTrue();
        assertThat(measured.fuels().get(0).defaultCalorificValue()).isFalse();

        // the default 0.03085 tC/GJ: 20,000,000 GJ x 0.03085 x 0.99 x 44/12 = 2,239,710 t
        UnitEmissions defaulted = EmissionsAccounting.unit(unit(null, defaultCoal()), CN_2021);
        assertThat(defaulted.tonnes()).isEqualTo(2_239_710);
        assertThat(defaulted.fuels().get(0).carbonContent()).isEqualByComparingTo("0.03085");
        // the 2019-2020 default 0.03356 tC/GJ: 20,000,000 x 0.03356 x 0.99 x 44/12 = 2,436,456 t
        assertThat(EmissionsAccounting.unit(unit(null, defaultCoal()), CN_2019_2020).tonnes()).isEqualTo(2_436_456);
        assertThat(defaulted.tonnes()).isGreaterThan(measured.tonnes());
    }

    @Test
    void purchasedElectricityCountsWhereThePackCountsIndirectEmissions() {
        // 1,000 MWh x 0.5810 tCO2/MWh = 581 t on top of 1,887,600 t
        UnitEmissions counted = EmissionsAccounting.unit(unit("1000", measuredCoal("0.02600")), CN_2021);
        assertThat(counted.indirectTonnes()).isEqualByComparingTo("581");
        assertThat(counted.tonnes()).isEqualTo(1_888_181);
        // the 2019-2020 grid factor 0.6101: 610.1 t, rounded with the unit's total once: 1,888,210 t
        assertThat(EmissionsAccounting.unit(unit("1000", measuredCoal("0.02600")), CN_2019_2020).tonnes())
                .isEqualTo(1_888_210);
        UnitEmissions notCounted = EmissionsAccounting.unit(unit("1000", measuredCoal("0.02600")), CN_2022);
        assertThat(notCounted.indirectTonnes()).isEqualByComparingTo("0");
        assertThat(notCounted.tonnes()).isEqualTo(1_887_600);
    }

    @Test
    void aUnitIsRoundedOnceAndAReportIsTheSumOfItsUnits() {
        // natural gas, 1 x 10^4 Nm3 with the pack's defaults: 389.31 GJ x 0.01532 x 0.99 x 44/12 = 21.650 t;
        // two such lines are 43.300 t, rounded once to 43 t (rounding each line would give 44 t)
        FuelLine gas = new FuelLine(FuelType.NATURAL_GAS, BigDecimal.ONE, null, CarbonContentMethod.DEFAULT, null,
                null, null, null);
        UnitEmissions twoLines = EmissionsAccounting.unit(unit(null, gas, gas), CN_2021);
        assertThat(twoLines.fuels().get(0).tonnes()).isEqualByComparingTo("21.650");
        assertThat(twoLines.fuels().get(0).unit()).isEqualTo("10^4 Nm3");
        assertThat(twoLines.tonnes()).isEqualTo(43);

        UnitReport second = new UnitReport("U-2", 0L, 0L, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of(gas));
        Accounted report = EmissionsAccounting.account(List.of(unit(null, measuredCoal("0.02600")), second), CN_2021);
        assertThat(report.units()).extracting(UnitEmissions::tonnes).containsExactly(1_887_600L, 22L);
        assertThat(report.tonnes()).isEqualTo(1_887_622);
    }

    @Test
    void everyPackSetsTheDefaultCarbonContentOfCoalAboveWhatIsMeasured() {
        for (ReportingRules rules : List.of(CN_2019_2020, CN_2021, CN_2022)) {
            for (FuelType coal : List.of(FuelType.BITUMINOUS_COAL, FuelType.ANTHRACITE, FuelType.LIGNITE)) {
                FuelRules defaults = rules.of(coal);
                assertThat(defaults.carbonContent().value()).isGreaterThan(defaults.plausibleMax().value());
                assertThat(defaults.carbonContent().source()).contains("发电设施");
            }
        }
        assertThat(CN_2021.indirectCounted()).isTrue();
        assertThat(CN_2022.indirectCounted()).isFalse();
    }
}
