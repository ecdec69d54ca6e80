package cn.carbonmarket.trading.block;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;

import cn.carbonmarket.testing.DemoUser;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** The off-book API as a participant's or the operator's client calls it. */
public final class Calls {

    private Calls() {
    }

    public static ValidatableResponse post(DemoUser user, String path, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json").body(body)
                .when().post(path).then();
    }

    public static ValidatableResponse post(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).when().post(path).then();
    }

    public static ValidatableResponse get(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).when().get(path).then();
    }

    /** A figure ({@code balance}, {@code reserved}, {@code free}...) of the user's own asset in pre-trade risk. */
    public static long balance(DemoUser user, String asset, String field) {
        List<Map<String, Object>> balances = get(user, "/api/v1/risk/balances").statusCode(200).extract()
                .jsonPath().getList("$");
        return balances.stream().filter(b -> asset.equals(b.get("asset"))).findFirst()
                .map(b -> ((Number) b.get(field)).longValue()).orElse(0L);
    }
}
