package cn.carbonmarket.settlement.tradingrisk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "settlement.withdrawal-check")
public interface WithdrawalCheckConfig {

    /** Whether trading's risk view must grant a hold before a withdrawal is held (flow 5). */
    @WithDefault("true")
    boolean enabled();
}
