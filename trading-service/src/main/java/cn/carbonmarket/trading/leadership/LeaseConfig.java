package cn.carbonmarket.trading.leadership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the exchange's lease is held and taken (see {@link Leadership}). */
@ConfigMapping(prefix = "market.trading.lease")
public interface LeaseConfig {

    /**
     * How long a taking or renewal holds the lease. A standby takes over at most this long after the active instance
     * died (plus its reading of the journal's end), so it is short; the active renews far more often than this.
     */
    @WithDefault("2s")
    Duration duration();

    /** How often the holder renews: several renewals fit in one duration, so one slow round trip deposes nobody. */
    @WithDefault("250ms")
    Duration renewEvery();

    /** How often a standby tries to take the lease. */
    @WithDefault("200ms")
    Duration takeEvery();

    /**
     * The holder stops accepting this long before its lease could expire when no renewal has come back since:
     * a command it accepts is then journaled before anyone else can take the lease.
     */
    @WithDefault("500ms")
    Duration safetyMargin();

    /** The {@code Retry-After} (whole seconds) a write refused for want of leadership carries. */
    @WithDefault("1")
    int retryAfterSeconds();
}
