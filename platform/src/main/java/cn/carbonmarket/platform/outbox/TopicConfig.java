package cn.carbonmarket.platform.outbox;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How this process names its topics. */
@ConfigMapping(prefix = "market.kafka")
public interface TopicConfig {

    /**
     * Put before every topic name the service writes and reads, so that test suites, the e2e suite and benchmarks
     * share one broker without sharing streams (e.g. {@code test.}); none in a deployment.
     */
    Optional<String> topicPrefix();
}
