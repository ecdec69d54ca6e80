package cn.carbonmarket.contracts.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.Region;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class OffsetRulesTest {

    @Test
    void beijingHalfLocalLeavesHalfTheLimitForOtherProvinces() {
        OffsetRules beijing = new OffsetRules(List.of(Product.CCER, Product.BCER), Region.BJ, 5_000, Set.of());
        assertThat(beijing.nonLocalLimit(1_001)).isEqualTo(500);
        assertThat(beijing.restrictsOrigin()).isTrue();
        assertThat(OffsetRules.NATIONAL.restrictsOrigin()).isFalse();
        assertThat(OffsetRules.NATIONAL.nonLocalLimit(1_001)).isEqualTo(1_001);
    }

    @Test
    void refusesAnAllowanceAsAnOffsetAndALocalShareWithoutRegion() {
        assertThatThrownBy(() -> new OffsetRules(List.of(Product.CEA), null, 0, Set.of()))
                .hasMessageContaining("only offset products");
        assertThatThrownBy(() -> new OffsetRules(List.of(Product.CCER), null, 5_000, Set.of()))
                .hasMessageContaining("local region");
    }

    @Property
    void theNonLocalLimitNeverExceedsTheLimitNorLeavesLessThanTheLocalShare(
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long limit,
            @ForAll @IntRange(min = 0, max = 10_000) int share) {
        OffsetRules rules = new OffsetRules(List.of(Product.CCER), Region.HB, share, Set.of(ProjectType.HYDRO));
        long nonLocal = rules.nonLocalLimit(limit);
        assertThat(nonLocal).isBetween(0L, limit);
        assertThat((limit - nonLocal) * 10_000L).isGreaterThanOrEqualTo(limit * share);
    }
}
