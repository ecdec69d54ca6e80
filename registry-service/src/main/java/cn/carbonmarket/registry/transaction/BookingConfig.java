package cn.carbonmarket.registry.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bookings share database transactions under load (group commit). */
@ConfigMapping(prefix = "registry.booking")
public interface BookingConfig {

    /** Batches booked at the same time; each holds one pooled connection while it books. */
    @WithDefault("4")
    int concurrentBatches();

    /** The most requests one database transaction books. */
    @WithDefault("64")
    int maxBatchSize();
}
