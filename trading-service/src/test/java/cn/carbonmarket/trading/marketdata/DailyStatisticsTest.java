package cn.carbonmarket.trading.marketdata;

import static cn.carbonmarket.trading.marketdata.Prints.block;
import static cn.carbonmarket.trading.marketdata.Prints.trade;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published open and close rules (Announcement of 2021-06-22), a test each, and the day's rollover. */
class DailyStatisticsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Test
    void theOpenIsTheDaysFirstTrade() {
        DailyStatistics day = fold(trade(10_100, 10, "2026-11-25T01:31:00Z"), trade(10_500, 10, "2026-11-25T01:32:00Z"));
        assertThat(day.open()).isEqualTo(10_100);
    }

    @Test
    void withoutATradeTheOpenIsThePreviousClose() {
        assertThat(fold().open()).isEqualTo(10_000);
    }

    @Test
    void theCloseIsTheVolumeWeightedAverageOfTheDaysTradesHalfUpToTheFen() {
        DailyStatistics day = fold(trade(10_000, 1, "2026-11-25T01:31:00Z"), trade(10_001, 1, "2026-11-25T01:32:00Z"),
                trade(10_003, 2, "2026-11-25T06:59:00Z"));
        // (10,000 + 10,001 + 2 x 10,003) / 4 = 10,001.75 -> 10,002
        assertThat(day.close()).isEqualTo(10_002);
        assertThat(day.last()).isEqualTo(10_003);
        assertThat(day.high()).isEqualTo(10_003);
        assertThat(day.low()).isEqualTo(10_000);
    }

    @Test
    void withoutATradeTheCloseIsThePreviousClose() {
        DailyStatistics day = fold();
        assertThat(day.close()).isEqualTo(10_000);
        assertThat(day.last()).isEqualTo(10_000);
        assertThat(day.high()).isEqualTo(10_000);
        assertThat(day.low()).isEqualTo(10_000);
        assertThat(day.volume()).isZero();
    }

    @Test
    void blockTradesCountInVolumeTurnoverAndTradesButMoveNoPrice() {
        DailyStatistics day = fold(trade(10_000, 100, "2026-11-25T01:31:00Z"),
                block(12_500, 150_000, "2026-11-25T05:10:00Z"));
        assertThat(day.open()).isEqualTo(10_000);
        assertThat(day.close()).isEqualTo(10_000);
        assertThat(day.last()).isEqualTo(10_000);
        assertThat(day.high()).isEqualTo(10_000);
        assertThat(day.volume()).isEqualTo(150_100);
        assertThat(day.turnoverFen()).isEqualTo(10_000 * 100 + 12_500L * 150_000);
        assertThat(day.trades()).isEqualTo(2);
    }

    @Test
    void aDayOfBlockTradesOnlyKeepsThePreviousCloseAsOpenAndClose() {
        DailyStatistics day = fold(block(12_500, 150_000, "2026-11-25T05:10:00Z"));
        assertThat(day.open()).isEqualTo(10_000);
        assertThat(day.close()).isEqualTo(10_000);
        assertThat(day.volume()).isEqualTo(150_000);
    }

    @Test
    void theMarketDayRollsOverWhenTheLastSessionCloses() {
        MarketDay marketDay = new MarketDay(TradingCalendar.load(new ObjectMapper()));
        assertThat(marketDay.of(Instant.parse("2026-11-25T06:59:59Z"))).as("14:59:59 Wednesday").isEqualTo(DAY);
        assertThat(marketDay.of(Instant.parse("2026-11-25T07:00:00Z"))).as("15:00 Wednesday")
                .isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(marketDay.of(Instant.parse("2026-11-24T23:00:00Z"))).as("07:00 Wednesday, before the open")
                .isEqualTo(DAY);
        assertThat(marketDay.of(Instant.parse("2026-11-27T08:00:00Z"))).as("Friday after the close: Monday")
                .isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(marketDay.of(Instant.parse("2026-12-31T08:00:00Z"))).as("New Year's Eve after the close")
                .isEqualTo(LocalDate.parse("2027-01-04"));
    }

    @Test
    void theNextDayIsDrawnAroundThisDaysClose() {
        DailyStatistics today = fold(trade(10_000, 1, "2026-11-25T01:31:00Z"), trade(10_400, 3, "2026-11-25T01:32:00Z"));
        DailyStatistics tomorrow = DailyStatistics.opening("CEA-2025", LocalDate.parse("2026-11-26"), today.close());
        assertThat(tomorrow.previousCloseFen()).isEqualTo(10_300);
        assertThat(tomorrow.open()).isEqualTo(10_300);
    }

    private static DailyStatistics fold(TradePrinted... trades) {
        DailyStatistics day = DailyStatistics.opening("CEA-2025", DAY, 10_000);
        for (TradePrinted trade : List.of(trades)) {
            day = day.with(trade);
        }
        return day;
    }
}
