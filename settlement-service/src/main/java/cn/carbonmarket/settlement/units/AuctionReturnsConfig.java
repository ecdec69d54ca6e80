package cn.carbonmarket.settlement.units;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long an auction's unsold units wait for trading's hold before their result goes to the dead-letter topic. */
@ConfigMapping(prefix = "settlement.auction-returns")
public interface AuctionReturnsConfig {

    /** The first pause before asking trading again; each pause doubles, up to {@link #retryMax}. */
    @WithDefault("1s")
    Duration retryFirst();

    @WithDefault("1m")
    Duration retryMax();

    /**
     * How long to keep asking. The channel's {@code throttled.unprocessed-record-max-age.ms} must be longer, or the
     * connector gives the channel up while a return waits.
     */
    @WithDefault("10m")
    Duration retryFor();
}
