package cn.carbonmarket.settlement.endofday;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "settlement.delivery")
public interface DeliveryConfig {

    /**
     * How long a run's instructions may wait for the registry's answer before an operator may send them again. The
     * registry answers a run id's second refusal with silence (it records a run's rejection once), so a resent run
     * that is refused again stays PUBLISHED: this wait is what lets the operator try once more.
     */
    @WithDefault("10m")
    Duration resendAfter();
}
