package cn.carbonmarket.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "market.outbox")
public interface OutboxConfig {

    /** The {@code producer} every event of this service names: by default the application's name. */
    @WithDefault("${quarkus.application.name}")
    String producer();

    /** Off only in a process that must not publish (for example a read-only replica). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks while this process has recently written events: the latency it adds. */
    @WithDefault("PT0.02S")
    Duration pollInterval();

    /** How often it looks otherwise, for events left by another replica or before a restart. */
    @WithDefault("PT1S")
    Duration idleInterval();

    /** Events relayed per database transaction. */
    @WithDefault("200")
    int batchSize();

    /** The longest pause between attempts while Kafka refuses events. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How long relayed events are kept in the table for inspection before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
