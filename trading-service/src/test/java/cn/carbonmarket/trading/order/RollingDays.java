package cn.carbonmarket.trading.order;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service as it runs outside tests: a command after the close rolls its instrument's day first. An application
 * of its own, because the shared test application moves its clock back to Wednesday after other days.
 */
public class RollingDays implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("market.trading.rollover.before-commands", "true");
    }
}
