package cn.carbonmarket.trading.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.util.Optional;

/** Which clock the exchange runs on (see {@link MarketClock}). */
@ConfigMapping(prefix = "market.trading.clock")
public interface ClockConfig {

    /** A manual clock standing at this instant, moved by tests through the trading day. */
    Optional<Instant> manualStart();

    /** Market time starts at the next opening of listing trading and runs {@link #speed} times as fast. */
    @WithDefault("false")
    boolean fromNextOpen();

    @WithDefault("1")
    long speed();
}
