package cn.carbonmarket.settlement.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final FeeSchedule PACK = SettlementRulePack.load(new ObjectMapper()).fees();

    private static FeeSchedule schedule(long bp, long minimum, FeeRounding rounding) {
        Map<Side, FeeRate> sides = Map.of(Side.BUYER, new FeeRate(bp, minimum), Side.SELLER, new FeeRate(bp, minimum));
        return new FeeSchedule(Map.of(TradeMode.CONTINUOUS, sides, TradeMode.BLOCK, sides, TradeMode.AUCTION, sides),
                rounding, "test");
    }

    @Test
    void theRulePackNamesItsSourceAndChargesBothSidesOfAListingTrade() {
        assertThat(PACK.source()).contains("Trading Management Rules");
        assertThat(PACK.rounding()).isEqualTo(FeeRounding.HALF_UP);
        // 1,000 t at CNY 58.03: value CNY 58,030.00 = 5,803,000 fen; 6 bp = 3,481.8 fen, rounded half up to 3,482.
        assertThat(PACK.fee(TradeMode.CONTINUOUS, Side.BUYER, 5_803_000)).isEqualTo(3_482);
        assertThat(PACK.fee(TradeMode.CONTINUOUS, Side.SELLER, 5_803_000)).isEqualTo(3_482);
        assertThat(PACK.fee(TradeMode.AUCTION, Side.SELLER, 5_803_000)).isZero();
    }

    @Test
    void theMinimumAppliesToSmallTrades() {
        // 1 t at CNY 58.03: 6 bp of 5,803 fen is 3.48 fen, far below the CNY 1.00 minimum.
        assertThat(PACK.fee(TradeMode.CONTINUOUS, Side.BUYER, 5_803)).isEqualTo(100);
        FeeSchedule schedule = schedule(10, 250, FeeRounding.HALF_UP);
        assertThat(schedule.fee(TradeMode.BLOCK, Side.SELLER, 249_999)).isEqualTo(250);
        assertThat(schedule.fee(TradeMode.BLOCK, Side.SELLER, 251_000)).isEqualTo(251);
    }

    @Test
    void halfAFenRoundsUpAndLessRoundsDown() {
        FeeSchedule schedule = schedule(1, 0, FeeRounding.HALF_UP);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 5_000)).isEqualTo(1);  // 0.5 fen
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 4_999)).isEqualTo(0);  // 0.4999 fen
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 15_000)).isEqualTo(2); // 1.5 fen
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 20_000)).isEqualTo(2); // exact
    }

    @Test
    void roundingUpChargesAnyFractionOfAFen() {
        FeeSchedule schedule = schedule(1, 0, FeeRounding.UP);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 10_001)).isEqualTo(2);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 10_000)).isEqualTo(1);
        assertThat(schedule.fee(TradeMode.CONTINUOUS, Side.BUYER, 1)).isEqualTo(1);
    }

    @Test
    void aValueTooLargeToChargeFailsLoudly() {
        assertThatThrownBy(() -> PACK.fee(TradeMode.CONTINUOUS, Side.BUYER, Long.MAX_VALUE / 2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aScheduleWithoutEveryModeAndSideIsRefused() {
        Map<Side, FeeRate> buyerOnly = Map.of(Side.BUYER, new FeeRate(1, 0));
        assertThatThrownBy(() -> new FeeSchedule(Map.of(TradeMode.CONTINUOUS, buyerOnly), FeeRounding.UP, "x"))
                .isInstanceOf(IllegalStateException.class);
    }
}
