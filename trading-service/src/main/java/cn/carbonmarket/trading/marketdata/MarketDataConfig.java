package cn.carbonmarket.trading.marketdata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "market.trading.market-data")
public interface MarketDataConfig {

    /** How often each book is looked at for a depth change: at most one depth event per instrument this often. */
    @WithDefault("PT0.2S")
    Duration depthInterval();

    /** Most trades written to the database in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the writer waits to fill a batch before it writes what it has. */
    @WithDefault("PT0.05S")
    Duration batchWait();

    /** Events a stream subscriber may fall behind by before its stream ends. */
    @WithDefault("1024")
    int streamBuffer();
}
