package cn.carbonmarket.trading.order;

import io.smallrye.config.ConfigMapping;

/** The end of each trading day (see {@link DayRollover}). */
@ConfigMapping(prefix = "market.trading.rollover")
public interface RolloverConfig {

    /**
     * How often the market clock is checked for a passed close ({@code off} where tests roll by hand). Read by the
     * {@code @Scheduled} expression of {@link DayRollover#run}; declared here because the mapping owns its prefix.
     */
    String checkEvery();

    /** Whether a command arriving after the close ends its engine's day first (off where tests set the day). */
    boolean beforeCommands();
}
