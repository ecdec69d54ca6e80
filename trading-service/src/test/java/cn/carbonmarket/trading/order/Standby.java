package cn.carbonmarket.trading.order;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service started while another instance runs the exchange: a standby (see {@link LeaseHeldElsewhere}). */
public class Standby implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LeaseHeldElsewhere.class));
    }
}
