package cn.carbonmarket.allocation.coverage;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyFollowerContract;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.PartyEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Covered entities follow the registry's compliance entities over the real Kafka topic. */
@QuarkusTest
class CoveredEntityFollowsRegistryTest extends PartyFollowerContract {

    @Override
    protected String service() {
        return "allocation";
    }

    @Override
    protected String table() {
        return "covered_entity";
    }

    @Override
    protected String consumer() {
        return "allocation.covered-entities";
    }

    @Override
    protected String resourcePath() {
        return "/api/v1/covered-entities/";
    }

    @Override
    protected DemoUser privilegedUser() {
        return DemoUser.REGULATOR;
    }

    @Test
    void investorsAreNotCoveredAndAProvinceSeesOnlyItsRegion() {
        PartyEvents.Sent investor = PartyEvents.publish(PartyEvents.registered("Some Fund", "INSTITUTION", "HB"));
        PartyEvents.Sent guangdong = PartyEvents.publish(
                PartyEvents.registered("Foshan Ceramics", "COMPLIANCE_ENTITY", "GD"));
        PartyEvents.Sent hubei = PartyEvents.publish(PartyEvents.registered("Yichang Power", "COMPLIANCE_ENTITY", "HB"));
        Database db = new Database("allocation");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from processed_event where event_id in (?::uuid, ?::uuid, ?::uuid)",
                investor.eventId(), guangdong.eventId(), hubei.eventId()) == 3);

        read(DemoUser.REGULATOR, investor.partyId()).statusCode(404).body("code", equalTo("NOT_COVERED"));
        read(DemoUser.PROVINCE_HB, hubei.partyId()).statusCode(200).body("region", equalTo("HB"));
        read(DemoUser.PROVINCE_HB, guangdong.partyId()).statusCode(403).body("code", equalTo("NOT_YOUR_REGION"));
        read(DemoUser.INVESTOR_1, hubei.partyId()).statusCode(403);
    }
}
