package cn.carbonmarket.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The shipped rule pack's pilot entries, and the sell limit's arithmetic. */
class SellLimitTest {

    private final RegistryRulePack pack = RegistryRulePack.load(new ObjectMapper());

    @Test
    void everyPilotIssuesAndTradesItsAllowanceAndOnlyChongqingLimitsSelling() {
        for (Jurisdiction j : Jurisdiction.values()) {
            assertThat(pack.of(j).issuable()).contains(Product.allowanceOf(j));
            assertThat(pack.of(j).tradable()).contains(Product.allowanceOf(j));
            assertThat(pack.of(j).sellLimit().isPresent()).as(j.name()).isEqualTo(j == Jurisdiction.CQ);
        }
        assertThat(pack.of(Jurisdiction.BJ).issuable()).contains(Product.BCER);
        assertThat(pack.of(Jurisdiction.GD).tradable()).contains(Product.PHCER);
        SellLimit chongqing = pack.of(Jurisdiction.CQ).sellLimit().orElseThrow();
        assertThat(chongqing.retainShareBasisPoints()).isEqualTo(5_000);
        assertThat(chongqing.share()).isEqualTo("50%");
        assertThat(chongqing.confirmed()).as("the 50% article was not found in the texts searched").isFalse();
        assertThat(pack.of(Jurisdiction.GD).mayReceiveOffset(ProjectType.LOW_CARBON_ACTION, PartyType.INDIVIDUAL))
                .isTrue();
        assertThat(pack.of(Jurisdiction.GD).mayReceiveOffset(ProjectType.LOW_CARBON_ACTION,
                PartyType.COMPLIANCE_ENTITY)).isFalse();
        assertThat(pack.of(Jurisdiction.GD).mayReceiveOffset(ProjectType.FORESTRY, PartyType.INSTITUTION)).isTrue();
    }

    @Test
    void halfOfAnOddAllocationIsRoundedUpAndKept() {
        SellLimit half = new SellLimit(5_000, "test", true);
        assertThat(half.retained(10_001)).isEqualTo(5_001);
        assertThat(half.mostMovable(10_001, 10_001, 0)).isEqualTo(5_000);
        assertThat(half.mostMovable(10_001, 3_000, 4_000)).as("surrendered units count as kept").isEqualTo(1_999);
        assertThat(half.mostMovable(10_001, 2_000, 0)).as("less available than must be kept").isZero();
        assertThat(half.mostMovable(0, 700, 0)).as("bought units are not limited").isEqualTo(700);
    }

    @Property
    void movingTheMostLeavesTheShareKeptAndOneTonneMoreWouldNot(
            @ForAll @IntRange(min = 0, max = 10_000) int share, @ForAll @LongRange(max = 1_000_000) long free,
            @ForAll @LongRange(max = 2_000_000) long available, @ForAll @LongRange(max = 1_000_000) long surrendered) {
        SellLimit limit = new SellLimit(share, "test", true);
        long most = limit.mostMovable(free, available, surrendered);
        long kept = limit.retained(free);
        assertThat(most).isBetween(0L, available);
        assertThat(kept * 10_000).isGreaterThanOrEqualTo(free * share).isLessThan(free * share + 10_000);
        if (most > 0) {
            assertThat(available - most + surrendered).isGreaterThanOrEqualTo(kept);
        }
        if (most < available) {
            assertThat(available - most - 1 + surrendered).isLessThan(kept);
        }
    }
}
