package cn.carbonmarket.registry.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bookings share database transactions under load (group commit). */
@ConfigMapping(prefix = "registry.booking")
public interface BookingConfig {

    /**
     * Batches booked at the same time; each holds one pooled connection while it books. Batches of random transfers
     * share holdings, so a second batch mostly waits for the first one's row locks, but it has its connection,
     * lookups and locks done by then and is not held up behind the first one's commit (after the per-row foreign keys
     * went, benchmark alone, alternating: 2,604 / 2,822 transfers/s with two, 2,364 / 2,733 with one; paced at half,
     * p99 59 / 32 ms against 142 / 320). With the per-row checks still there, one did better (1,776/s against 1,524
     * with two, 1,035 with four).
     */
    @WithDefault("2")
    int concurrentBatches();

    /** The most requests one database transaction books. */
    @WithDefault("64")
    int maxBatchSize();
}
