package cn.carbonmarket.trading.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The exchange's time. Production runs on the wall clock. Tests set {@code market.trading.clock.manual-start}: a
 * {@link ManualClock} standing at that instant that they move through the trading day. The demo and the
 * cross-service tests set {@code market.trading.clock.from-next-open}: market time starts at the next opening of
 * listing trading (now, if it is open) and runs {@code market.trading.clock.speed} times as fast as the wall
 * clock, so the market can be tried at any hour. Replaces the platform's default clock bean.
 */
public class MarketClock {

    private static final Logger LOG = Logger.getLogger(MarketClock.class);

    @Produces
    @Singleton
    Clock clock(ClockConfig config, ObjectMapper json) {
        if (config.manualStart().isPresent()) {
            return new ManualClock(config.manualStart().get(), ZoneOffset.UTC);
        }
        if (config.fromNextOpen()) {
            Clock wall = Clock.systemUTC();
            Instant open = TradingCalendar.load(json).nextOpen(TradingMode.LISTING, wall.instant());
            LOG.infof("market time starts at %s and runs %d times as fast as the wall clock", open, config.speed());
            return new AcceleratedClock(wall, open, config.speed());
        }
        return Clock.systemUTC();
    }
}
