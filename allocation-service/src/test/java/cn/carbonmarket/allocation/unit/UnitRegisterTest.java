package cn.carbonmarket.allocation.unit;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generating units registered by the entity's province or the regulator, read by whom may, over real tokens. */
@QuarkusTest
class UnitRegisterTest {

    private static final Database DB = new Database("allocation");

    private String hubei;
    private String guangdong;

    @BeforeEach
    void coveredEntitiesInTwoProvinces() {
        hubei = covered(PartyEvents.registered(DemoUser.ENTITY_1.partyId(), "Wuhan Thermal Power Co., Ltd.",
                "COMPLIANCE_ENTITY", "HB"));
        guangdong = covered(PartyEvents.registered("Foshan Power", "COMPLIANCE_ENTITY", "GD"));
    }

    private static String covered(PartyEvents.Sent event) {
        PartyEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "select count(*) from covered_entity where party_id = ?::uuid", event.partyId()) == 1);
        return event.partyId();
    }

    private static String unitId() {
        return "U-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> unit(String partyId, long capacity) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("partyId", partyId);
        unit.put("category", "COAL_ABOVE_300MW");
        unit.put("capacityMw", capacity);
        unit.put("cooling", "AIR");
        unit.put("combinedHeatAndPower", true);
        unit.put("commissionedOn", "2012-06-30");
        return unit;
    }

    private static ValidatableResponse put(DemoUser user, String unitId, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json").body(body)
                .when().put("/api/v1/generating-units/" + unitId).then();
    }

    private static ValidatableResponse get(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).when().get(path).then();
    }

    private static long rows(String unitId) {
        return DB.count("select count(*) from generating_unit where unit_id = ?", unitId);
    }

    @Test
    void theProvinceRegistersItsEntitysUnitOnceAndTheSameFiguresAgainChangeNothing() {
        String id = unitId();
        String registeredAt = put(DemoUser.PROVINCE_HB, id, unit(hubei, 600)).statusCode(201)
                .body("partyId", equalTo(hubei)).body("fuel", equalTo("COAL")).body("capacityMw", equalTo(600))
                .body("registeredBy", equalTo("province-hb")).extract().path("updatedAt");
        String updatedAt = put(DemoUser.PROVINCE_HB, id, unit(hubei, 600)).statusCode(200)
                .extract().path("updatedAt");
        assertThat(updatedAt).isEqualTo(registeredAt);

        assertThat(rows(id)).isEqualTo(1);
        get(DemoUser.REGULATOR, "/api/v1/generating-units/" + id).statusCode(200)
                .body("updatedAt", equalTo(registeredAt)).body("cooling", equalTo("AIR"));
        put(DemoUser.REGULATOR, id, unit(hubei, 660)).statusCode(200).body("capacityMw", equalTo(660))
                .body("updatedAt", org.hamcrest.Matchers.not(equalTo(registeredAt)));
        assertThat(DB.count("select count(*) from generating_unit where unit_id = ? and capacity_mw = 660", id))
                .isEqualTo(1);
    }

    @Test
    void aProvinceRegistersOnlyItsRegionsUnitsAndAUnitStaysWithItsEntity() {
        String id = unitId();
        put(DemoUser.PROVINCE_HB, id, unit(guangdong, 300)).statusCode(403).body("code", equalTo("NOT_YOUR_REGION"));
        assertThat(rows(id)).isZero();

        put(DemoUser.REGULATOR, id, unit(guangdong, 300)).statusCode(201);
        put(DemoUser.REGULATOR, id, unit(hubei, 300)).statusCode(409).body("code", equalTo("UNIT_OF_ANOTHER_ENTITY"));
        assertThat(DB.count("select count(*) from generating_unit where unit_id = ? and party_id = ?::uuid", id,
                guangdong)).isEqualTo(1);
    }

    @Test
    void onlyCoveredEntitiesHaveUnitsAndOnlyTheRegulatorOrAProvinceRegistersThem() {
        String investor = PartyEvents.publish(PartyEvents.registered("Some Fund", "INSTITUTION", "HB")).partyId();
        String id = unitId();

        put(DemoUser.REGULATOR, id, unit(investor, 300)).statusCode(404).body("code", equalTo("NOT_COVERED"));
        put(DemoUser.ENTITY_1, id, unit(hubei, 300)).statusCode(403);
        given().contentType("application/json").body(unit(hubei, 300)).when().put("/api/v1/generating-units/" + id)
                .then().statusCode(401);
        assertThat(rows(id)).isZero();
    }

    @Test
    void badFiguresAreRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Object> bad = unit(hubei, 0);
        bad.remove("cooling");
        bad.put("commissionedOn", LocalDate.now().plusYears(1).toString());
        put(DemoUser.REGULATOR, "U-ok", bad).statusCode(400).contentType("application/problem+json")
                .body(containsString("capacityMw")).body(containsString("cooling"))
                .body(containsString("commissionedOn"));
        put(DemoUser.REGULATOR, "bad id!", unit(hubei, 300)).statusCode(400).body(containsString("unitId"));
        Map<String, Object> badParty = unit("not-a-party", 300);
        put(DemoUser.REGULATOR, unitId(), badParty).statusCode(400).body(containsString("partyId"));

        assertThat(rows("U-ok")).isZero();
        assertThat(rows("bad id!")).isZero();
    }

    @Test
    void anEntitySeesItsOwnUnitsAndAProvinceThoseOfItsRegion() {
        String own = unitId();
        String other = unitId();
        put(DemoUser.PROVINCE_HB, own, unit(hubei, 600)).statusCode(201);
        put(DemoUser.REGULATOR, other, unit(guangdong, 300)).statusCode(201);

        get(DemoUser.ENTITY_1, "/api/v1/generating-units?partyId=" + hubei).statusCode(200)
                .body("unitId", org.hamcrest.Matchers.hasItem(own));
        get(DemoUser.ENTITY_1, "/api/v1/generating-units/" + own).statusCode(200);
        get(DemoUser.ENTITY_1, "/api/v1/generating-units/" + other).statusCode(403);
        get(DemoUser.ENTITY_1, "/api/v1/generating-units?partyId=" + guangdong).statusCode(403);
        get(DemoUser.PROVINCE_HB, "/api/v1/generating-units/" + other).statusCode(403)
                .body("code", equalTo("NOT_YOUR_REGION"));
        get(DemoUser.REGULATOR, "/api/v1/generating-units?partyId=" + guangdong).statusCode(200)
                .body("$", org.hamcrest.Matchers.not(hasSize(0)));
        get(DemoUser.INVESTOR_1, "/api/v1/generating-units/" + own).statusCode(403);
        get(DemoUser.REGULATOR, "/api/v1/generating-units").statusCode(400).body(containsString("partyId"));
        get(DemoUser.REGULATOR, "/api/v1/generating-units/U-none").statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND"));
    }
}
