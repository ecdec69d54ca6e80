package cn.carbonmarket.trading.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.TradeExecuted.Mode;
import cn.carbonmarket.trading.orderbook.Side;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fee schedule is settlement's, and the per-tonne worst case covers any split of an order into trades. */
class FeeScheduleTest {

    private final FeeSchedule fees = TradingRulePack.load(new ObjectMapper()).fees();

    @Test
    void listingTradesPaySixBasisPointsRoundedHalfUpWithAOneYuanMinimum() {
        assertThat(fees.fee(Mode.CONTINUOUS, Side.BUY, 8_100_000)).isEqualTo(4_860);
        assertThat(fees.fee(Mode.CONTINUOUS, Side.SELL, 1_000_833)).isEqualTo(600);
        assertThat(fees.fee(Mode.CONTINUOUS, Side.SELL, 1_000_834)).isEqualTo(601);
        assertThat(fees.fee(Mode.CONTINUOUS, Side.SELL, 81_000)).isEqualTo(100);
        assertThat(fees.fee(Mode.BLOCK, Side.BUY, 10_000_000)).isEqualTo(5_000);
        assertThat(fees.fee(Mode.AUCTION, Side.SELL, 10_000_000)).isZero();
    }

    @Test
    void theWorstFeePerTonneIsTheMinimumOrTheRateRoundedUp() {
        assertThat(fees.worstFeePerTonne(Mode.CONTINUOUS, Side.BUY, 10_000)).isEqualTo(100);
        assertThat(fees.worstFeePerTonne(Mode.CONTINUOUS, Side.BUY, 2_000_001)).isEqualTo(1_201);
    }

    @Property(tries = 500)
    void noSplitOfAnOrderIntoTradesPaysMoreThanItsWorstFee(@ForAll @LongRange(min = 1, max = 10_000_000) long price,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 99_999) Integer> trades) {
        long quantity = trades.stream().mapToLong(Integer::longValue).sum();
        long paid = trades.stream().mapToLong(q -> fees.fee(Mode.CONTINUOUS, Side.BUY, price * q)).sum();
        assertThat(paid).isLessThanOrEqualTo(quantity * fees.worstFeePerTonne(Mode.CONTINUOUS, Side.BUY, price));
    }
}
