package cn.carbonmarket.trading.risk;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyFollowerContract;
import io.quarkus.test.junit.QuarkusTest;

/** Risk profiles follow the registry's parties over the real Kafka topic. */
@QuarkusTest
class RiskProfileFollowsRegistryTest extends PartyFollowerContract {

    @Override
    protected String service() {
        return "trading";
    }

    @Override
    protected String table() {
        return "risk_profile";
    }

    @Override
    protected String consumer() {
        return "trading.risk-profiles";
    }

    @Override
    protected String resourcePath() {
        return "/api/v1/risk-profiles/";
    }

    @Override
    protected DemoUser privilegedUser() {
        return DemoUser.OPERATOR;
    }
}
