package cn.carbonmarket.trading.order;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;

import cn.carbonmarket.testing.DemoUser;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The order API as a participant's client calls it. */
final class Orders {

    private Orders() {
    }

    static Map<String, Object> limit(String instrument, String side, long priceFen, long quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientOrderId", UUID.randomUUID().toString());
        body.put("instrument", instrument);
        body.put("side", side);
        body.put("priceFen", priceFen);
        body.put("quantity", quantity);
        return body;
    }

    static Map<String, Object> take(String instrument, String side, int level, long quantity) {
        Map<String, Object> body = limit(instrument, side, 1, quantity);
        body.remove("priceFen");
        body.put("level", level);
        return body;
    }

    static ValidatableResponse place(DemoUser user, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json").body(body)
                .when().post("/api/v1/orders").then();
    }

    static long placed(DemoUser user, Map<String, Object> body) {
        return place(user, body).statusCode(201).extract().jsonPath().getLong("orderId");
    }

    static ValidatableResponse cancel(DemoUser user, long orderId) {
        return given().auth().oauth2(accessToken(user)).when().delete("/api/v1/orders/" + orderId).then();
    }

    static ValidatableResponse get(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).when().get(path).then();
    }

    static ValidatableResponse post(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).when().post(path).then();
    }
}
