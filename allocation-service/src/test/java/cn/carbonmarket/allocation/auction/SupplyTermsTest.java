package cn.carbonmarket.allocation.auction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.reserve.ReserveRule;
import cn.carbonmarket.allocation.reserve.ReserveRules;
import cn.carbonmarket.allocation.rules.Flag;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** An auction's supply under CN-2022 (CCR and ECR 10% of the volume, in lots of 1,000 t), figures written out. */
class SupplyTermsTest {

    private static final ReserveRule CN_2022 = ReserveRules.load(new ObjectMapper()).of("CN-2022").orElseThrow();
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    @Test
    void tenPercentEachWayAndAQuarterPerBidder() {
        SupplyTerms supply = SupplyTerms.of(100_000, 1_000, QUARTER, CN_2022, 2026, 1_000_000);
        assertThat(supply.releaseTonnes()).isEqualTo(10_000);
        assertThat(supply.triggerFen()).isEqualTo(12_840);
        assertThat(supply.withholdTonnes()).isEqualTo(10_000);
        assertThat(supply.floorFen()).isEqualTo(4_280);
        assertThat(supply.bidderCapTonnes()).isEqualTo(25_000);
        assertThat(supply.offeredTonnes()).isEqualTo(110_000);
    }

    @Test
    void theReleaseIsWholeLotsOfWhatTheReserveHas() {
        assertThat(SupplyTerms.of(100_000, 1_000, QUARTER, CN_2022, 2026, 7_500).releaseTonnes()).isEqualTo(7_000);
        assertThat(SupplyTerms.of(100_000, 1_000, QUARTER, CN_2022, 2026, 0).releaseTonnes()).isZero();
    }

    @Test
    void aSmallAuctionRoundsDownToWholeLotsButEveryBidderMayBuyALot() {
        // 10% of 3 lots = 0.3 lot -> 0; 25% of 3 lots = 0.75 lot -> at least one lot
        SupplyTerms supply = SupplyTerms.of(3_000, 1_000, QUARTER, CN_2022, 2026, 1_000_000);
        assertThat(supply.releaseTonnes()).isZero();
        assertThat(supply.withholdTonnes()).isZero();
        assertThat(supply.bidderCapTonnes()).isEqualTo(1_000);
    }

    @Test
    void aDesignSwitchedOffHasNoPriceAndNoTonnes() {
        Flag off = new Flag(false, "test", false);
        ReserveRule without = new ReserveRule("test",
                new ReserveRule.Containment(off, CN_2022.costContainment().price(), CN_2022.costContainment().share()),
                new ReserveRule.Containment(off, CN_2022.emissionsContainment().price(),
                        CN_2022.emissionsContainment().share()),
                CN_2022.stabilisation());
        SupplyTerms supply = SupplyTerms.of(100_000, 1_000, QUARTER, without, 2026, 1_000_000);
        assertThat(supply.releaseTonnes()).isZero();
        assertThat(supply.triggerFen()).isNull();
        assertThat(supply.withholdTonnes()).isZero();
        assertThat(supply.floorFen()).isNull();
    }
}
