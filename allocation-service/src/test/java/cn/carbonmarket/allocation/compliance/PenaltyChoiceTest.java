package cn.carbonmarket.allocation.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.allocation.compliance.penalty.PenaltyMethod;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What an authority may choose by each pack's method: a factor or a fine within range, or the one the pack fixes. */
class PenaltyChoiceTest {

    private static final ComplianceRules RULES = ComplianceRules.load(new ObjectMapper());
    private static final String PARTY = "83dabb3c-a463-3f3e-b9fd-002e55c704cf";

    private static PenaltyMethod method(String pack) {
        return RULES.of(pack).orElseThrow().penalty();
    }

    private static Penalties.Choice choose(String pack, BigDecimal factor, Long fineFen) {
        return Penalties.choice(method(pack), new PenaltyRequest(PARTY, factor, fineFen), pack);
    }

    @Test
    void aFixedFactorOrFineNeedNotBeGivenAndARangeMust() {
        assertThat(choose("SZ-2025", null, null)).isEqualTo(new Penalties.Choice(new BigDecimal("3"), null));
        assertThat(choose("SZ-2025", new BigDecimal("3.0"), null).factor()).isEqualByComparingTo("3");
        assertThat(choose("GD-2025", null, null)).isEqualTo(new Penalties.Choice(null, 5_000_000L));
        assertThat(choose("SH-2025", null, 7_500_000L)).isEqualTo(new Penalties.Choice(null, 7_500_000L));
        assertThat(choose("CN-2022", new BigDecimal("7.5"), null).factor()).isEqualByComparingTo("7.5");
        assertThatThrownBy(() -> choose("CN-2022", null, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("factor");
        assertThatThrownBy(() -> choose("SH-2025", null, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aChoiceOutsideThePacksRangeOrOfAnotherMethodIsRefused() {
        assertThatThrownBy(() -> choose("SZ-2025", new BigDecimal("4"), null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("fixes the factor at 3");
        assertThatThrownBy(() -> choose("GD-2025", null, 4_000_000L)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> choose("BJ-2025", new BigDecimal("2.99"), null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> choose("SH-2025", null, 10_000_001L)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> choose("GD-2025", new BigDecimal("3"), null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> choose("SZ-2025", null, 5_000_000L)).isInstanceOf(InvalidRequestException.class);
    }
}
