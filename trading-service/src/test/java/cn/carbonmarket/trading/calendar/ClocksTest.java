package cn.carbonmarket.trading.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClocksTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aManualClockMovesOnlyWhenTold() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-25T01:30:00Z"), SHANGHAI);
        assertThat(clock.instant()).isEqualTo("2026-11-25T01:30:00Z");
        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo("2026-11-25T03:00:00Z");
        assertThat(clock.withZone(ZoneOffset.UTC).instant()).isEqualTo(clock.instant());
    }

    @Test
    void anAcceleratedClockPlaysATradingDayInSeconds() {
        TradingCalendar calendar = TradingCalendar.load(new ObjectMapper());
        ManualClock wall = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        // 09:00 in Shanghai, an hour of market time per wall-clock second.
        AcceleratedClock market = new AcceleratedClock(wall, Instant.parse("2026-11-25T01:00:00Z"), 3_600);

        assertThat(calendar.isOpen(TradingMode.LISTING, market.instant())).isFalse();
        wall.advance(Duration.ofSeconds(1));
        assertThat(market.instant()).isEqualTo("2026-11-25T02:00:00Z");
        assertThat(calendar.isOpen(TradingMode.LISTING, market.instant())).isTrue();
        wall.advance(Duration.ofMillis(3_500));
        assertThat(market.instant()).isEqualTo("2026-11-25T05:30:00Z");
        assertThat(calendar.isOpen(TradingMode.BLOCK, market.instant())).isTrue();
        wall.advance(Duration.ofMillis(2_500));
        assertThat(calendar.isOpen(TradingMode.LISTING, market.instant())).as("15:00 has passed").isFalse();
    }

    @Test
    void theLocalMarketClockStartsAtTheNextOpeningOfListingTrading() {
        ObjectMapper json = new ObjectMapper();
        TradingCalendar calendar = TradingCalendar.load(json);
        Instant before = Instant.now();
        Clock clock = new MarketClock().clock(new ClockConfig() {
            @Override
            public Optional<Instant> manualStart() {
                return Optional.empty();
            }

            @Override
            public boolean fromNextOpen() {
                return true;
            }

            @Override
            public long speed() {
                return 1;
            }
        }, json);

        assertThat(calendar.isOpen(TradingMode.LISTING, clock.instant())).isTrue();
        assertThat(clock.instant()).isAfterOrEqualTo(calendar.nextOpen(TradingMode.LISTING, before));
    }
}
