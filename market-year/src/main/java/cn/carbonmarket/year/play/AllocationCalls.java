package cn.carbonmarket.year.play;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls the suites share: a user's (or any token's) requests, waiting for an outcome, a fresh period, a holding.
 */
public final class AllocationCalls {

    // The services' addresses: ./market up's ports, unless market.url.<service> says otherwise (the e2e suite's do).
    public static final String REGISTRY = url("registry", 8081);
    public static final String ALLOCATION = url("allocation", 8082);
    public static final String TRADING = url("trading", 8083);
    public static final String SETTLEMENT = url("settlement", 8084);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private AllocationCalls() {
    }

    private static String url(String service, int port) {
        return System.getProperty("market.url." + service, "http://127.0.0.1:" + port);
    }

    public static ValidatableResponse get(DemoUser user, String url) {
        return get(accessToken(user), url);
    }

    public static ValidatableResponse get(String token, String url) {
        return given().auth().oauth2(token).when().get(url).then().log().ifValidationFails();
    }

    public static ValidatableResponse send(DemoUser user, String method, String url, Object body) {
        return send(accessToken(user), method, url, body);
    }

    /** A request under a fresh {@code Idempotency-Key} (the registry's movements require one; others ignore it). */
    public static ValidatableResponse send(String token, String method, String url, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key",
                        UUID.randomUUID().toString()).body(body)
                .when().request(method, url).then().log().ifValidationFails();
    }

    public static void eventually(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition);
    }

    /** Opens CN-year for a year no earlier run opened (201, not 200), and moves it to ALLOCATING. */
    public static int freshPeriod() {
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

    /**
     * Verified data of the year for every registered unit of every compliance entity but the caller's own: a run
     * computes on every unit of every covered entity in the database, and other tests leave units behind. A unit
     * whose year is verified already (409 ACTIVITY_VERIFIED) keeps its figures.
     */
    public static void verifiedDataForEveryOtherUnit(int year, List<String> own) {
        for (int page = 0; ; page++) {
            List<String> parties = get(DemoUser.REGULATOR, REGISTRY + "/api/v1/parties?type=COMPLIANCE_ENTITY&size=500"
                    + "&page=" + page).statusCode(200).extract().jsonPath().getList("id");
            for (String party : parties) {
                ValidatableResponse units = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/generating-units?partyId="
                        + party);
                if (units.extract().statusCode() != 200) {
                    continue;   // not covered (yet): it has no units
                }
                units.extract().jsonPath().<String>getList("unitId").stream().filter(u -> !own.contains(u))
                        .forEach(u -> send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/" + year + "/"
                                + u, Map.of("electricitySuppliedMwh", 100_000, "heatSuppliedGj", 0, "loadFactor", "0.9",
                                "heatSupplyRatio", "0", "verified", true)).statusCode(oneOf(200, 201, 409)));
            }
            if (parties.size() < 500) {
                return;
            }
        }
    }

    /** The registry's AVAILABLE holding of the instrument in the account, 0 if none (negative for issuance). */
    public static long holding(String account, String instrument) {
        return MarketCalls.registry(account, instrument, "AVAILABLE");
    }
}
