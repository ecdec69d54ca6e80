package cn.carbonmarket.allocation.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.compliance.penalty.FixedFine;
import cn.carbonmarket.allocation.compliance.penalty.PriceMultiple;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pilots' packs as rules/compliance-rules.json holds them: the figures issue 25 names, each with its source. */
class PilotPacksTest {

    private static final ComplianceRules RULES = ComplianceRules.load(new ObjectMapper());
    private static final List<Jurisdiction> PILOTS = Arrays.stream(Jurisdiction.values())
            .filter(j -> j != Jurisdiction.CN).toList();

    private static ComplianceRule pack(String id) {
        return RULES.of(id).orElseThrow();
    }

    @Test
    void everyPilotHasPacksFor2024And2025OfItsOwnJurisdictionObligingVerifiedEmissionsWithoutBorrowing() {
        for (Jurisdiction pilot : PILOTS) {
            for (int year : new int[] {2024, 2025}) {
                ComplianceRule rule = pack(pilot + "-" + year);
                assertThat(rule.jurisdiction()).isEqualTo(pilot);
                assertThat(rule.obligation()).isInstanceOf(ObligationBasis.VerifiedEmissions.class);
                assertThat(rule.obligation().enrols()).isTrue();
                assertThat(rule.borrowingAllowed().value()).isFalse();
                assertThat(rule.offsets().products().value()).contains(Product.CCER)
                        .allMatch(p -> p == Product.CCER || p.jurisdiction() == pilot);
            }
            // 2025 is 2024 until a rule changes
            ComplianceRule y2024 = pack(pilot + "-2024");
            ComplianceRule y2025 = pack(pilot + "-2025");
            assertThat(y2025.offsets()).isEqualTo(y2024.offsets());
            assertThat(y2025.penalty()).isEqualTo(y2024.penalty());
        }
        assertThat(pack("CN-2022").obligation().enrols()).isFalse();
    }

    @Test
    void offsetLimitsLocalSharesAndExcludedTypesAreTheIssuesFigures() {
        assertThat(pack("BJ-2025").offsetLimitShare().value()).isEqualByComparingTo("0.05");
        assertThat(pack("BJ-2025").offsets().rules()).isEqualTo(new OffsetRules(List.of(Product.CCER, Product.BCER),
                Region.BJ, 5_000, Set.of(ProjectType.HYDRO)));
        assertThat(pack("TJ-2025").offsetLimitShare().value()).isEqualByComparingTo("0.10");
        assertThat(pack("SH-2025").offsetLimitShare().value()).isEqualByComparingTo("0.05");
        assertThat(pack("CQ-2025").offsetLimitShare().value()).isEqualByComparingTo("0.08");
        assertThat(pack("HB-2025").offsetLimitShare().value()).isEqualByComparingTo("0.10");
        // Hubei: from Hubei projects only
        assertThat(pack("HB-2025").offsets().rules().nonLocalLimit(1_000)).isZero();
        assertThat(pack("GD-2025").offsetLimitShare().value()).isEqualByComparingTo("0.10");
        assertThat(pack("GD-2025").offsets().rules()).isEqualTo(new OffsetRules(List.of(Product.CCER,
                Product.PHCER), Region.GD, 7_000, Set.of(ProjectType.HYDRO)));
        assertThat(pack("SZ-2025").offsetLimitShare().value()).isEqualByComparingTo("0.10");
        for (String hydroFree : List.of("BJ-2024", "TJ-2024", "CQ-2024", "GD-2024", "SZ-2024")) {
            assertThat(pack(hydroFree).offsets().excludedTypes().value()).containsExactly(ProjectType.HYDRO);
        }
    }

    @Test
    void eachPilotPenalisesByTheMethodItsMeasuresSetOut() {
        PriceMultiple shenzhen = (PriceMultiple) pack("SZ-2025").penalty();
        assertThat(shenzhen.factor().fixed()).isTrue();
        assertThat(shenzhen.factor().min()).isEqualByComparingTo("3");
        assertThat(shenzhen.priceMonths().value()).isEqualByComparingTo("6");
        assertThat(shenzhen.deductedTonnes(1_000)).isEqualTo(1_000);
        PriceMultiple hubei = (PriceMultiple) pack("HB-2025").penalty();
        assertThat(hubei.cap()).contains(15_000_000L);
        assertThat(hubei.deductedTonnes(1_000)).isEqualTo(2_000);
        FixedFine guangdong = (FixedFine) pack("GD-2025").penalty();
        assertThat(guangdong.fineFen().fixed()).isTrue();
        assertThat(guangdong.fineFen().min()).isEqualByComparingTo("5000000");
        assertThat(guangdong.deductedTonnes(1_000)).isEqualTo(2_000);
        FixedFine shanghai = (FixedFine) pack("SH-2025").penalty();
        assertThat(shanghai.fineFen().toString()).isEqualTo("5000000..10000000");
        assertThat(((PriceMultiple) pack("BJ-2025").penalty()).factor().toString()).isEqualTo("3..5");
        assertThat(pack("BJ-2025").penalty().deductedTonnes(1_000)).isZero();
    }

    @Test
    void everyFigureOfEveryPackNamesItsSourceInFull() {
        for (Jurisdiction j : Jurisdiction.values()) {
            for (String id : j == Jurisdiction.CN ? List.of("CN-2019-2020", "CN-2021", "CN-2022")
                    : List.of(j + "-2024", j + "-2025")) {
                ComplianceRule rule = pack(id);
                OffsetPolicy offsets = rule.offsets();
                List<String> sources = List.of(rule.obligation().source(), offsets.limitShare().source(),
                        offsets.products().source(), offsets.minLocalShare().source(),
                        offsets.excludedTypes().source(), rule.borrowingAllowed().source(),
                        rule.penalty().deductionMultiple().source(), rule.warningWindowDays().source(),
                        penaltySource(rule));
                assertThat(sources).as(id).allMatch(s -> s.length() > 40 && !s.startsWith("@"));
            }
        }
    }

    private static String penaltySource(ComplianceRule rule) {
        if (rule.penalty() instanceof PriceMultiple multiple) {
            return multiple.factor().source();
        }
        return ((FixedFine) rule.penalty()).fineFen().source();
    }
}
