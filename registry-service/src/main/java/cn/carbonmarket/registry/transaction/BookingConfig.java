package cn.carbonmarket.registry.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bookings share database transactions under load (group commit). */
@ConfigMapping(prefix = "registry.booking")
public interface BookingConfig {

    /**
     * Batches booked at the same time; each holds one pooled connection while it books. Bookings share holdings, so
     * a second batch mostly waits for the first one's row locks, but with its connection, lookups and locks ready it
     * goes on as soon as the first commits (the measurements are in docs/benchmarks.md).
     */
    @WithDefault("2")
    int concurrentBatches();

    /** The most requests one database transaction books. */
    @WithDefault("64")
    int maxBatchSize();

    /**
     * Movements from which one booking (a migration's) counts as bulk: checked and built on a worker thread, which
     * the event loop serving the connection must not spend, and written slice by slice.
     */
    @WithDefault("1000")
    int bulkFrom();

    /** Movements per slice of a bulk booking: one slice is written while the next is checked and built. */
    @WithDefault("10000")
    int bulkSlice();
}
