package cn.carbonmarket.allocation.benchmark;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark packs and the method over HTTP, with the real Keycloak's tokens. */
@QuarkusTest
class BenchmarkResourceTest {

    private static Map<String, Object> cogenerating600Mw() {
        Map<String, Object> unit = new HashMap<>();
        unit.put("unitId", "HB-WUHAN-1");
        unit.put("category", "COAL_ABOVE_300MW");
        unit.put("capacityMw", 600);
        unit.put("cooling", "WATER");
        unit.put("combinedHeatAndPower", true);
        unit.put("electricitySuppliedMwh", 3_000_000);
        unit.put("heatSuppliedGj", 1_000_000);
        unit.put("loadFactor", "0.70");
        unit.put("heatSupplyRatio", "0.15");
        return unit;
    }

    @Test
    void theRegulatorReadsAPeriodsPackWithTheSourceOfEveryFigure() {
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/benchmark-packs/CN-2019-2020")
                .then().statusCode(200)
                .body("electricity.COAL_ABOVE_300MW.value", equalTo(0.877f))
                .body("electricity.COAL_ABOVE_300MW.source", containsString("MEE"))
                .body("heat.GAS.value", equalTo(0.059f))
                .body("loadFactorAppliesTo", hasItem("COAL_ABOVE_300MW"));
    }

    @Test
    void anEntityComputesAUnitsAllocationUnderEachPeriodsBenchmarks() {
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType("application/json")
                .body(cogenerating600Mw())
                .when().post("/api/v1/benchmark-packs/CN-2019-2020/unit-allocations")
                .then().statusCode(200)
                .body("unitId", equalTo("HB-WUHAN-1"))
                .body("period", equalTo("CN-2019-2020"))
                .body("tonnes", equalTo(2_670_177));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType("application/json")
                .body(cogenerating600Mw())
                .when().post("/api/v1/benchmark-packs/CN-2021/unit-allocations")
                .then().statusCode(200).body("tonnes", equalTo(2_567_199));
    }

    @Test
    void aLoadFactorAboveOneIsRefusedWithTheFieldNamed() {
        Map<String, Object> unit = cogenerating600Mw();
        unit.put("loadFactor", "1.2");
        unit.remove("cooling");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType("application/json").body(unit)
                .when().post("/api/v1/benchmark-packs/CN-2019-2020/unit-allocations")
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("loadFactor")).body(containsString("cooling"));
    }

    @Test
    void anUnknownPeriodIsNotFound() {
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/benchmark-packs/CN-2030")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NO_BENCHMARK_PACK"));
    }

    @Test
    void investorsAndAnonymousCallersAreRefused() {
        given().auth().oauth2(accessToken(DemoUser.INVESTOR_1)).when().get("/api/v1/benchmark-packs/CN-2019-2020")
                .then().statusCode(403);
        given().when().get("/api/v1/benchmark-packs/CN-2019-2020").then().statusCode(401);
    }
}
