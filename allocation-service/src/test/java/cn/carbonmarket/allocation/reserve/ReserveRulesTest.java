package cn.carbonmarket.allocation.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.rules.Figure;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stability reserve's designs as the pack gives them, and the containment prices by year, figures written out. */
class ReserveRulesTest {

    private static final ReserveRules RULES = ReserveRules.load(new ObjectMapper());

    private static ReserveRule.YearlyPrice price(int baseYear, String base, String increase) {
        return new ReserveRule.YearlyPrice(baseYear, new Figure(new BigDecimal(base), "test", false),
                new Figure(new BigDecimal(increase), "test", false));
    }

    @Test
    void everyPackHasTheThreeDesignsEachWithASource() {
        for (String pack : List.of("CN-2019-2020", "CN-2021", "CN-2022")) {
            ReserveRule rule = RULES.of(pack).orElseThrow();
            assertThat(rule.costContainment().on()).isTrue();
            assertThat(rule.emissionsContainment().on()).isTrue();
            assertThat(rule.stabilisation().on()).isTrue();
            assertThat(rule.costContainment().share().value()).isEqualByComparingTo("0.10");
            assertThat(rule.emissionsContainment().share().value()).isEqualByComparingTo("0.10");
            assertThat(rule.emissionsContainment().share().confirmed()).isTrue();
            assertThat(rule.stabilisation().share().value()).isEqualByComparingTo("0.08");
            assertThat(rule.stabilisation().share().confirmed()).isFalse();
            assertThat(rule.costContainment().price().annualIncrease().confirmed()).isTrue();
            assertThat(rule.costContainment().price().baseFen().confirmed()).isFalse();
        }
        assertThat(RULES.of("CN-2030")).isEmpty();
    }

    @Test
    void theTriggerRisesSevenPercentAYearFromTheRoundedPriceOfTheYearBefore() {
        ReserveRule rule = RULES.of("CN-2022").orElseThrow();
        // 12,000; 12,000 x 1.07 = 12,840; 12,840 x 1.07 = 13,738.8 -> 13,739
        assertThat(rule.costContainment().price().atYear(2025)).isEqualTo(12_000);
        assertThat(rule.costContainment().price().atYear(2026)).isEqualTo(12_840);
        assertThat(rule.costContainment().price().atYear(2027)).isEqualTo(13_739);
        // before the base year: the base price
        assertThat(rule.costContainment().price().atYear(2023)).isEqualTo(12_000);
        // 4,000; 4,280; 4,280 x 1.07 = 4,579.6 -> 4,580
        assertThat(rule.emissionsContainment().price().atYear(2026)).isEqualTo(4_280);
        assertThat(rule.emissionsContainment().price().atYear(2027)).isEqualTo(4_580);
    }

    @Test
    void compoundedSoRggisPublishedTriggerPricesComeOut() {
        // RGGI's CCR trigger in cents: 1,300 (2021), 1,391, 1,488, 1,592, 1,703 (2025); ECR: 600, 642, 687, 735, 786
        ReserveRule.YearlyPrice ccr = price(2021, "1300", "0.07");
        ReserveRule.YearlyPrice ecr = price(2021, "600", "0.07");
        assertThat(List.of(ccr.atYear(2022), ccr.atYear(2023), ccr.atYear(2024), ccr.atYear(2025)))
                .containsExactly(1_391L, 1_488L, 1_592L, 1_703L);
        assertThat(List.of(ecr.atYear(2022), ecr.atYear(2023), ecr.atYear(2024), ecr.atYear(2025)))
                .containsExactly(642L, 687L, 735L, 786L);
    }
}
