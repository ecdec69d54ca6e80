package cn.carbonmarket.allocation.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.benchmark.UnitCategory;
import cn.carbonmarket.allocation.compliance.ObligationMethod.UnitFigures;
import cn.carbonmarket.allocation.compliance.penalty.PriceMultiple;
import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.unit.OffsetRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the obligation caps, the offset limit and the borrowing rule, figures written out. */
class ObligationMethodTest {

    private static final ComplianceRules RULES = ComplianceRules.load(new ObjectMapper());
    private static final ComplianceRule CN_2022 = RULES.of("CN-2022").orElseThrow();
    private static final ComplianceRule CN_2019_2020 = RULES.of("CN-2019-2020").orElseThrow();

    private static UnitFigures gas(long emissions, long allocation) {
        return new UnitFigures("G", UnitCategory.GAS, emissions, allocation);
    }

    private static UnitFigures coal(long emissions, long allocation) {
        return new UnitFigures("C", UnitCategory.COAL_ABOVE_300MW, emissions, allocation);
    }

    @Test
    void aGasUnitSurrendersAtMostItsAllocation() {
        // emissions 120,000 > allocation 100,000: 100,000
        assertThat(ObligationMethod.unitObligation(gas(120_000, 100_000), CN_2022)).isEqualTo(100_000);
        // emissions 90,000 below the allocation: what it emitted
        assertThat(ObligationMethod.unitObligation(gas(90_000, 100_000), CN_2022)).isEqualTo(90_000);
    }

    @Test
    void aCoalUnitsGapIsCappedAtTwentyPercentOfItsEmissions() {
        // 1,000,000 emitted, 700,000 allocated: at most 700,000 + 20% x 1,000,000 = 900,000
        assertThat(ObligationMethod.unitObligation(coal(1_000_000, 700_000), CN_2022)).isEqualTo(900_000);
        // a gap of 10%: within the cap, all of the emissions
        assertThat(ObligationMethod.unitObligation(coal(1_000_000, 900_000), CN_2022)).isEqualTo(1_000_000);
        // 20% x 1,000,003 = 200,000.6, half up to 200,001
        assertThat(ObligationMethod.unitObligation(coal(1_000_003, 0), CN_2022)).isEqualTo(200_001);
        // 20% x 1,000,002 = 200,000.4, half up to 200,000
        assertThat(ObligationMethod.unitObligation(coal(1_000_002, 0), CN_2022)).isEqualTo(200_000);
        // emitted less than allocated: what it emitted
        assertThat(ObligationMethod.unitObligation(coal(500_000, 600_000), CN_2022)).isEqualTo(500_000);
    }

    @Test
    void anEntitysObligationIsTheSumOfItsUnitsAndItsOffsetLimitFivePercentRoundedDown() {
        ObligationMethod.EntityObligation entity = ObligationMethod.of(List.of(gas(120_000, 100_000),
                coal(1_000_000, 700_000)), CN_2022);
        assertThat(entity.verifiedEmissionsTonnes()).isEqualTo(1_120_000);
        assertThat(entity.allocationTonnes()).isEqualTo(800_000);
        assertThat(entity.obligationTonnes()).isEqualTo(1_000_000);
        // exactly 5% of 1,000,000
        assertThat(entity.offsetLimitTonnes()).isEqualTo(50_000);
        // 5% x 1,000,019 = 50,000.95: a limit is never rounded up, 50,000
        assertThat(ObligationMethod.of(List.of(coal(1_000_019, 1_000_019)), CN_2022).offsetLimitTonnes())
                .isEqualTo(50_000);
        // 5% x 1,000,020 = 50,001 exactly
        assertThat(ObligationMethod.of(List.of(coal(1_000_020, 1_000_020)), CN_2022).offsetLimitTonnes())
                .isEqualTo(50_001);
    }

    @Test
    void borrowingHalfTheGapWhenItReachesTenPercentOfTheEmissionsWhereThePackAllowsIt() {
        // gap 900,000 - 700,000 = 200,000 >= 10% of 1,000,000: up to 100,000
        assertThat(ObligationMethod.of(List.of(coal(1_000_000, 700_000)), CN_2022).borrowingLimitTonnes())
                .isEqualTo(100_000);
        // gap exactly 10% (1,000,000 - 900,000): 50,000
        assertThat(ObligationMethod.of(List.of(coal(1_000_000, 900_000)), CN_2022).borrowingLimitTonnes())
                .isEqualTo(50_000);
        // gap 99,999 below 100,000: none
        assertThat(ObligationMethod.of(List.of(coal(1_000_000, 900_001)), CN_2022).borrowingLimitTonnes())
                .isZero();
        // gap 100,001 >= 100,000.1: 50% = 50,000.5, rounded down to 50,000
        assertThat(ObligationMethod.of(List.of(coal(1_000_001, 900_000)), CN_2022).borrowingLimitTonnes())
                .isEqualTo(50_000);
        // no gap (emitted less than allocated: banking, nothing to borrow)
        assertThat(ObligationMethod.of(List.of(coal(500_000, 600_000)), CN_2022).borrowingLimitTonnes()).isZero();
        // the first cycle allowed no borrowing
        assertThat(ObligationMethod.of(List.of(coal(1_000_000, 700_000)), CN_2019_2020).borrowingLimitTonnes())
                .isZero();
    }

    @Test
    void thePenaltyIsTheShortfallTimesTheFactorTimesTheMonthsAverageHalfUp() {
        PriceMultiple national = (PriceMultiple) CN_2022.penalty();
        // closes 5,300, 5,001 and 5,202 fen: 15,503 / 3 = 5,167.67, half up 5,168
        long price = PriceMultiple.averageFen(List.of(5_300L, 5_001L, 5_202L));
        assertThat(price).isEqualTo(5_168);
        assertThat(national.amountFen(1_000, new BigDecimal("5"), price)).isEqualTo(25_840_000);
        assertThat(national.amountFen(1_000, new BigDecimal("10"), price)).isEqualTo(51_680_000);
        assertThat(national.factor().contains(new BigDecimal("4.99"))).isFalse();
        assertThat(national.factor().contains(new BigDecimal("10.0"))).isTrue();
        // the month that ends on the deadline; the shortfall once off the next allocation
        assertThat(national.pricesFrom(LocalDate.parse("2019-12-31"))).isEqualTo("2019-12-01");
        assertThat(national.deductedTonnes(1_000)).isEqualTo(1_000);
    }

    @Test
    void everyPackHasItsRulesWithTheirSources() {
        for (String pack : List.of("CN-2019-2020", "CN-2021", "CN-2022")) {
            ComplianceRule rule = RULES.of(pack).orElseThrow();
            assertThat(rule.offsetLimitShare().value()).isEqualByComparingTo("0.05");
            assertThat(rule.cappedByAllocation().shortfallCapShare().value()).isEqualByComparingTo("0.20");
            assertThat(rule.cappedByAllocation().gasCappedAtAllocation().value()).isTrue();
            assertThat(rule.cappedByAllocation().sector().value()).isEqualTo(Sector.POWER);
            assertThat(((PriceMultiple) rule.penalty()).factor().min()).isEqualByComparingTo("5");
            assertThat(((PriceMultiple) rule.penalty()).factor().max()).isEqualByComparingTo("10");
            assertThat(rule.offsetLimitShare().source()).contains("5%");
            assertThat(rule.offsets().rules()).isEqualTo(OffsetRules.NATIONAL);
        }
        assertThat(CN_2022.borrowingAllowed().value()).isTrue();
        assertThat(CN_2019_2020.borrowingAllowed().value()).isFalse();
    }
}
