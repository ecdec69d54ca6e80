package cn.carbonmarket.trading.journal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "market.trading.journal")
public interface JournalConfig {

    /** The journal topic: every accepted command, keyed by instrument. Snapshots name the topic they point into. */
    String topic();

    /**
     * The brokers the journal's own producer and reader connect to: by default those of the service's messaging
     * ({@code kafka.bootstrap.servers}, a key Quarkus and its Kafka connector own, so it is read here by reference).
     */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();
}
