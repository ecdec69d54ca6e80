package cn.carbonmarket.e2e;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.testing.DemoUser;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** The calls the allocation suites share: a user's requests, waiting for an outcome, a fresh period, a holding. */
final class AllocationCalls {

    static final String REGISTRY = System.getProperty("market.e2e.registry");
    static final String ALLOCATION = System.getProperty("market.e2e.allocation");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private AllocationCalls() {
    }

    static ValidatableResponse get(DemoUser user, String url) {
        return given().auth().oauth2(accessToken(user)).when().get(url).then().log().ifValidationFails();
    }

    static ValidatableResponse send(DemoUser user, String method, String url, Object body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().request(method, url).then().log().ifValidationFails();
    }

    static void eventually(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition);
    }

    /** Opens CN-year for a year no earlier run opened (201, not 200), and moves it to ALLOCATING. */
    static int freshPeriod() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int year = ThreadLocalRandom.current().nextInt(2030, 2100);
            int status = send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/compliance-periods/CN-" + year,
                    Map.of("jurisdiction", "CN", "firstYear", year, "lastYear", year, "instrument", "CEA-" + year,
                            "benchmarkPack", "CN-2022", "deadline95", (year + 1) + "-10-31",
                            "deadline100", (year + 1) + "-12-31")).extract().statusCode();
            if (status == 201) {
                send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/compliance-periods/CN-" + year + "/status",
                        Map.of("status", "ALLOCATING")).statusCode(200);
                return year;
            }
        }
        throw new IllegalStateException("no fresh compliance period year found in 20 attempts");
    }

    /** The registry's AVAILABLE holding of the instrument in the account, 0 if none (negative for issuance). */
    static long holding(String account, String instrument) {
        List<Map<String, Object>> holdings = get(DemoUser.REGULATOR, REGISTRY + "/api/v1/accounts/" + account)
                .statusCode(200).extract().jsonPath().getList("holdings");
        return holdings.stream().filter(h -> instrument.equals(h.get("instrument"))
                        && "AVAILABLE".equals(h.get("status")))
                .mapToLong(h -> ((Number) h.get("quantity")).longValue()).sum();
    }
}
