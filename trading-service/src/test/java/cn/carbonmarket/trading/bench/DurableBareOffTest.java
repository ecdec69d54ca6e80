package cn.carbonmarket.trading.bench;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without the benchmark's flag (every deployment) the durable bare endpoint does not exist. */
@QuarkusTest
class DurableBareOffTest {

    @Test
    void itAnswers404() {
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType("application/json")
                .body(Map.of("clientOrderId", "off", "instrument", "CEA-2025", "side", "BUY", "priceFen", 9_000,
                        "quantity", 10))
                .when().post("/api/v1/bench/durable-orders").then().statusCode(404);
    }
}
