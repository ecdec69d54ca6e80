package cn.carbonmarket.registry.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bookings share database transactions under load (group commit). */
@ConfigMapping(prefix = "registry.booking")
public interface BookingConfig {

    /**
     * Batches booked at the same time; each holds one pooled connection while it books. One by default: batches of
     * random transfers share holdings, so a second batch mostly waited for the first one's row locks and then paid a
     * commit of its own (transfers/s 1,035 with four, 1,524 with two, 1,776 with one, on a disk where a commit is
     * the cost that counts).
     */
    @WithDefault("1")
    int concurrentBatches();

    /** The most requests one database transaction books. */
    @WithDefault("64")
    int maxBatchSize();
}
