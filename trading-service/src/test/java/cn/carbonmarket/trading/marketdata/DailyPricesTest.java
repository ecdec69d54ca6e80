package cn.carbonmarket.trading.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DailyPricesTest {

    @Test
    void withoutTradesOpenAndCloseAreThePreviousClose() {
        DailyPrices day = new DailyPrices(6_000);
        assertThat(day.open()).isEqualTo(6_000);
        assertThat(day.close()).isEqualTo(6_000);
        assertThat(day.last()).isEqualTo(6_000);
        assertThat(day.volume()).isZero();
    }

    @Test
    void theOpenIsTheFirstTradeAndTheCloseTheVolumeWeightedAverage() {
        DailyPrices day = new DailyPrices(6_000);
        day.record(5_000, 100);
        day.record(5_200, 300);

        assertThat(day.open()).isEqualTo(5_000);
        assertThat(day.last()).isEqualTo(5_200);
        assertThat(day.close()).isEqualTo(5_150);
        assertThat(day.volume()).isEqualTo(400);
        assertThat(day.turnover()).isEqualTo(2_060_000);
    }

    @Test
    void theCloseRoundsHalfUpToTheFen() {
        DailyPrices day = new DailyPrices(6_000);
        day.record(5_000, 1);
        day.record(5_001, 1);
        assertThat(day.close()).isEqualTo(5_001);
        day.record(5_000, 1);
        assertThat(day.close()).isEqualTo(5_000);
    }

    record Trade(long price, long quantity) {
    }

    @Provide
    Arbitrary<List<Trade>> trades() {
        return Combinators.combine(Arbitraries.longs().between(1, 10_000_000), Arbitraries.longs().between(1, 99_999))
                .as(Trade::new).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property
    void theCloseLiesBetweenTheDaysLowestAndHighestTrade(@ForAll("trades") List<Trade> trades) {
        DailyPrices day = new DailyPrices(1);
        trades.forEach(t -> day.record(t.price(), t.quantity()));
        long low = trades.stream().mapToLong(Trade::price).min().orElseThrow();
        long high = trades.stream().mapToLong(Trade::price).max().orElseThrow();
        assertThat(day.close()).isBetween(low, high);
        assertThat(day.open()).isEqualTo(trades.get(0).price());
        assertThat(day.volume()).isEqualTo(trades.stream().mapToLong(Trade::quantity).sum());
    }
}
