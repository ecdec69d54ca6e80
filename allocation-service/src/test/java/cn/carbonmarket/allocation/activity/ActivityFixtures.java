package cn.carbonmarket.allocation.activity;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Covered entities and their registered units for the activity data tests, through the registry's event and the API.
 * The tests record years late in the century, which no compliance period of another test covers.
 */
final class ActivityFixtures {

    static final Database DB = new Database("allocation");
    static final String HEADER = String.join(",", ActivityCsv.HEADER) + "\n";

    private ActivityFixtures() {
    }

    /** entity-1's covered entity in Hubei (the party entity-1's token carries). */
    static String hubeiEntity() {
        return covered(PartyEvents.registered(DemoUser.ENTITY_1.partyId(), "Wuhan Thermal Power Co., Ltd.",
                "COMPLIANCE_ENTITY", "HB"));
    }

    static String guangdongEntity() {
        return covered(PartyEvents.registered("Foshan Power", "COMPLIANCE_ENTITY", "GD"));
    }

    static String covered(PartyEvents.Sent event) {
        PartyEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "select count(*) from covered_entity where party_id = ?::uuid", event.partyId()) == 1);
        return event.partyId();
    }

    /** A new unit of the entity, registered by the regulator. */
    static String unitOf(String partyId) {
        String unitId = "U-" + UUID.randomUUID().toString().substring(0, 13);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType("application/json")
                .body(Map.of("partyId", partyId, "category", "COAL_ABOVE_300MW", "capacityMw", 600,
                        "cooling", "WATER", "combinedHeatAndPower", true, "commissionedOn", "2012-06-30"))
                .when().put("/api/v1/generating-units/" + unitId).then().statusCode(201);
        return unitId;
    }

    static long records(int year, String... unitIds) {
        return DB.count("select count(*) from activity_data where year = ? and unit_id = any(?)", year, unitIds);
    }
}
