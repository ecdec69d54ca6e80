package cn.carbonmarket.contracts.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The published schedule's figures, its rounding, and the per-tonne worst case trading reserves for. */
class FeeScheduleTest {

    private static final FeeSchedule PUBLISHED = FeeSchedule.published();

    private static FeeSchedule schedule(long bp, long minimum, FeeRounding rounding) {
        Map<Side, FeeRate> sides = Map.of(Side.BUY, new FeeRate(bp, minimum), Side.SELL, new FeeRate(bp, minimum));
        return new FeeSchedule("test", Map.of(TradeMode.CONTINUOUS, sides, TradeMode.BLOCK, sides,
                TradeMode.AUCTION, sides), rounding, "test");
    }

    @Test
    void thePublishedScheduleNamesItsVersionAndSource() {
        assertThat(PUBLISHED.version()).isEqualTo("CN-2021.1");
        assertThat(PUBLISHED.source()).contains("Trading Management Rules");
        assertThat(PUBLISHED.rounding()).isEqualTo(FeeRounding.HALF_UP);
    }

    @Test
    void listingTradesPaySixBasisPointsRoundedHalfUpWithAOneYuanMinimum() {
        // 1,000 t at CNY 58.03: value 5,803,000 fen; 6 bp = 3,481.8 fen, rounded half up to 3,482.
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.BUY, 5_803_000)).isEqualTo(3_482);
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.SELL, 5_803_000)).isEqualTo(3_482);
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.BUY, 8_100_000)).isEqualTo(4_860);
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.SELL, 1_000_833)).isEqualTo(600);
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.SELL, 1_000_834)).isEqualTo(601);
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.SELL, 81_000)).isEqualTo(100);
    }

    @Test
    void blockTradesPayFiveBasisPointsAndAuctionSellersNothing() {
        assertThat(PUBLISHED.fee(TradeMode.BLOCK, Side.BUY, 10_000_000)).isEqualTo(5_000);
        assertThat(PUBLISHED.fee(TradeMode.AUCTION, Side.BUY, 10_000_000)).isEqualTo(6_000);
        assertThat(PUBLISHED.fee(TradeMode.AUCTION, Side.SELL, 10_000_000)).isZero();
    }

    @Test
    void theMinimumAppliesToSmallTrades() {
        // 1 t at CNY 58.03: 6 bp of 5,803 fen is 3.48 fen, far below the CNY 1.00 minimum.
        assertThat(PUBLISHED.fee(TradeMode.CONTINUOUS, Side.BUY, 5_803)).isEqualTo(100);
        FeeSchedule schedule = schedule(10, 250, FeeRounding.HALF_UP);
        assertThat(schedule.fee(TradeMode.BLOCK, Side.SELL, 249_999)).isEqualTo(250);
        assertThat(schedule.fee(TradeMode.BLOCK, Side.SELL, 251_000)).isEqualTo(251);
    }

    @Test
    void halfAFenRoundsUpAndLessRoundsDown() {
        FeeSchedule schedule = schedule(1, 0, FeeRounding.HALF_UP);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 5_000)).isEqualTo(1);  // 0.5 fen
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 4_999)).isEqualTo(0);  // 0.4999 fen
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 15_000)).isEqualTo(2); // 1.5 fen
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 20_000)).isEqualTo(2); // exact
    }

    @Test
    void roundingUpChargesAnyFractionOfAFen() {
        FeeSchedule schedule = schedule(1, 0, FeeRounding.UP);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 10_001)).isEqualTo(2);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 10_000)).isEqualTo(1);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUY, 1)).isEqualTo(1);
    }

    @Test
    void theWorstFeePerTonneIsTheMinimumOrTheRateRoundedUp() {
        assertThat(PUBLISHED.worstFeePerTonne(TradeMode.CONTINUOUS, Side.BUY, 10_000)).isEqualTo(100);
        assertThat(PUBLISHED.worstFeePerTonne(TradeMode.CONTINUOUS, Side.BUY, 2_000_001)).isEqualTo(1_201);
    }

    @Property(tries = 500)
    void noSplitOfAnOrderIntoTradesPaysMoreThanItsWorstFee(@ForAll @LongRange(min = 1, max = 10_000_000) long price,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 99_999) Integer> trades) {
        long quantity = trades.stream().mapToLong(Integer::longValue).sum();
        long paid = trades.stream().mapToLong(q -> PUBLISHED.fee(TradeMode.CONTINUOUS, Side.BUY, price * q)).sum();
        assertThat(paid).isLessThanOrEqualTo(quantity * PUBLISHED.worstFeePerTonne(TradeMode.CONTINUOUS, Side.BUY,
                price));
    }

    @Test
    void aValueTooLargeToChargeFailsLoudly() {
        assertThatThrownBy(() -> PUBLISHED.fee(TradeMode.CONTINUOUS, Side.BUY, Long.MAX_VALUE / 2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aScheduleWithoutEveryModeAndSideIsRefused() {
        Map<Side, FeeRate> buyerOnly = Map.of(Side.BUY, new FeeRate(1, 0));
        assertThatThrownBy(() -> new FeeSchedule("v", Map.of(TradeMode.CONTINUOUS, buyerOnly), FeeRounding.UP, "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScheduleWithoutAVersionOrASourceIsRefused() {
        Map<Side, FeeRate> sides = Map.of(Side.BUY, new FeeRate(1, 0), Side.SELL, new FeeRate(1, 0));
        Map<TradeMode, Map<Side, FeeRate>> all = Map.of(TradeMode.CONTINUOUS, sides, TradeMode.BLOCK, sides,
                TradeMode.AUCTION, sides);
        assertThatThrownBy(() -> new FeeSchedule(" ", all, FeeRounding.UP, "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FeeSchedule("v", all, FeeRounding.UP, "")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingEntryOfAPackStopsItsLoading() {
        assertThatThrownBy(() -> FeeSchedule.load("/rules/no-such-schedule.properties"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }
}
