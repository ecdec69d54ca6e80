package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyFollowerContract;
import io.quarkus.test.junit.QuarkusTest;

/** Cash accounts follow the registry's parties over the real Kafka topic. */
@QuarkusTest
class CashAccountFollowsRegistryTest extends PartyFollowerContract {

    @Override
    protected String service() {
        return "settlement";
    }

    @Override
    protected String table() {
        return "cash_account";
    }

    @Override
    protected String consumer() {
        return "settlement.cash-accounts";
    }

    @Override
    protected String resourcePath() {
        return "/api/v1/cash-accounts/";
    }

    @Override
    protected DemoUser privilegedUser() {
        return DemoUser.BANK;
    }
}
