package cn.carbonmarket.trading.marketdata;

import static cn.carbonmarket.trading.marketdata.Prints.block;
import static cn.carbonmarket.trading.marketdata.Prints.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CandleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void bucketsStartOnTheMinuteTheHourAndShanghaiMidnight() {
        Instant at = Instant.parse("2026-11-25T02:17:42.5Z"); // 10:17:42.5 in Shanghai
        assertThat(CandleInterval.ONE_MINUTE.bucket(at, SHANGHAI)).isEqualTo(Instant.parse("2026-11-25T02:17:00Z"));
        assertThat(CandleInterval.ONE_HOUR.bucket(at, SHANGHAI)).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        assertThat(CandleInterval.ONE_DAY.bucket(at, SHANGHAI)).as("midnight in Shanghai is 16:00 UTC the day before")
                .isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(CandleInterval.ONE_DAY.bucket(Instant.parse("2026-11-25T15:59:59Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(CandleInterval.ONE_DAY.bucket(Instant.parse("2026-11-25T16:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
    }

    @Test
    void intervalsAreNamedAsInTheApi() {
        assertThat(CandleInterval.parse("1m")).isEqualTo(CandleInterval.ONE_MINUTE);
        assertThat(CandleInterval.parse("1h")).isEqualTo(CandleInterval.ONE_HOUR);
        assertThat(CandleInterval.parse("1d")).isEqualTo(CandleInterval.ONE_DAY);
        assertThatThrownBy(() -> CandleInterval.parse("5m")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void openIsTheFirstTradeCloseTheLastHighAndLowTheExtremes() {
        Candle candle = fold(List.of(trade(10_000, 10, "2026-11-25T02:17:01Z"), trade(10_300, 5, "2026-11-25T02:17:02Z"),
                trade(9_900, 20, "2026-11-25T02:17:03Z"), trade(10_100, 1, "2026-11-25T02:17:04Z")));

        assertThat(candle.openFen()).isEqualTo(10_000);
        assertThat(candle.highFen()).isEqualTo(10_300);
        assertThat(candle.lowFen()).isEqualTo(9_900);
        assertThat(candle.closeFen()).isEqualTo(10_100);
        assertThat(candle.volume()).isEqualTo(36);
        assertThat(candle.turnoverFen()).isEqualTo(10_000 * 10 + 10_300 * 5 + 9_900 * 20 + 10_100);
        assertThat(candle.trades()).isEqualTo(4);
    }

    @Test
    void aBlockTradeCountsInVolumeButSetsNoPrice() {
        Candle candle = fold(List.of(trade(10_000, 10, "2026-11-25T05:17:01Z"),
                block(12_000, 100_000, "2026-11-25T05:17:02Z")));

        assertThat(candle.openFen()).isEqualTo(10_000);
        assertThat(candle.highFen()).isEqualTo(10_000);
        assertThat(candle.closeFen()).isEqualTo(10_000);
        assertThat(candle.volume()).isEqualTo(100_010);
        assertThat(candle.turnoverFen()).isEqualTo(10_000 * 10 + 12_000L * 100_000);
        assertThat(candle.trades()).isEqualTo(2);
    }

    @Test
    void aBucketOfBlockTradesOnlyHasNoPrices() {
        Candle candle = fold(List.of(block(12_000, 100_000, "2026-11-25T05:17:02Z")));
        assertThat(candle.openFen()).isNull();
        assertThat(candle.closeFen()).isNull();
        assertThat(candle.volume()).isEqualTo(100_000);
    }

    @Property
    void theCandleHoldsEveryTradeAndItsPricesLieWithinHighAndLow(
            @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 1, max = 1_000_000) Long> prices,
            @ForAll @IntRange(min = 1, max = 99_999) int quantity) {
        List<TradePrinted> trades = prices.stream().map(p -> trade(p, quantity, "2026-11-25T02:17:30Z")).toList();
        Candle candle = fold(trades);

        assertThat(candle.volume()).isEqualTo((long) quantity * prices.size());
        assertThat(candle.turnoverFen()).isEqualTo(prices.stream().mapToLong(p -> p * quantity).sum());
        assertThat(candle.highFen()).isEqualTo(prices.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(candle.lowFen()).isEqualTo(prices.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertThat(candle.openFen()).isEqualTo(prices.get(0));
        assertThat(candle.closeFen()).isEqualTo(prices.get(prices.size() - 1));
    }

    private static Candle fold(List<TradePrinted> trades) {
        Instant start = CandleInterval.ONE_MINUTE.bucket(trades.get(0).executedAt(), SHANGHAI);
        Candle candle = Candle.empty("CEA-2025", CandleInterval.ONE_MINUTE, start);
        for (TradePrinted trade : trades) {
            candle = candle.with(trade);
        }
        return candle;
    }
}
