package cn.carbonmarket.trading.calendar;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The exchange's time: the wall clock, or, when {@code market.trading.clock.manual-start} is set (tests), a
 * {@link ManualClock} standing at that instant that tests move through the trading day. Replaces the platform's
 * default clock bean.
 */
public class MarketClock {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "market.trading.clock.manual-start") Optional<Instant> manualStart) {
        return manualStart.<Clock>map(start -> new ManualClock(start, ZoneOffset.UTC)).orElseGet(Clock::systemUTC);
    }
}
