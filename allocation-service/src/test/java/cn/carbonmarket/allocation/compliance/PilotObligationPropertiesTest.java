package cn.carbonmarket.allocation.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A pilot's obligation is the entity's verified emissions whatever its allocation; the offset limit is the pack's
 * share of it rounded down (never above share x obligation, less by under a tonne); no pilot pack lends.
 */
class PilotObligationPropertiesTest {

    private static final ComplianceRules RULES = ComplianceRules.load(new ObjectMapper());

    @Provide
    Arbitrary<ComplianceRule> pilotPacks() {
        return Arbitraries.of("BJ", "TJ", "SH", "CQ", "HB", "GD", "SZ").flatMap(j -> Arbitraries.of(2024, 2025)
                .map(year -> RULES.of(j + "-" + year).orElseThrow()));
    }

    @Property
    void theObligationIsTheVerifiedEmissionsAndTheOffsetLimitNeverAboveTheShare(
            @ForAll("pilotPacks") ComplianceRule rule,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long emissions,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long allocation) {
        ObligationMethod.EntityObligation obligation = ObligationMethod.ofVerifiedEmissions(emissions, allocation,
                rule);
        assertThat(obligation.obligationTonnes()).isEqualTo(emissions);
        assertThat(obligation.allocationTonnes()).isEqualTo(allocation);
        BigDecimal share = rule.offsetLimitShare().value().multiply(BigDecimal.valueOf(emissions));
        assertThat(BigDecimal.valueOf(obligation.offsetLimitTonnes())).isLessThanOrEqualTo(share)
                .isGreaterThan(share.subtract(BigDecimal.ONE));
        assertThat(obligation.borrowingLimitTonnes()).isZero();
        assertThat(obligation.units()).isEmpty();
        long nonLocal = rule.offsets().rules().nonLocalLimit(obligation.offsetLimitTonnes());
        assertThat(nonLocal).isBetween(0L, obligation.offsetLimitTonnes());
    }

    @Test
    void shenzhensLimitOfAMillionAndNineteenTonnesIsTenPercentRoundedDown() {
        ComplianceRule shenzhen = RULES.of("SZ-2025").orElseThrow();
        // 10% x 1,000,019 = 100,001.9: 100,001
        assertThat(ObligationMethod.ofVerifiedEmissions(1_000_019, 800_000, shenzhen).offsetLimitTonnes())
                .isEqualTo(100_001);
        // Chongqing 8% x 1,500 = 120
        assertThat(ObligationMethod.ofVerifiedEmissions(1_500, 0, RULES.of("CQ-2024").orElseThrow())
                .offsetLimitTonnes()).isEqualTo(120);
    }
}
