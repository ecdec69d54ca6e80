package cn.carbonmarket.trading.statistics;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.trading.block.Calls;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.marketdata.EmptyMarketData;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.risk.Funding;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A jurisdiction's market statistics from real trades in its instruments. Tianjin's allowances are traded here
 * only, so its statistics hold this class's trades alone.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
@QuarkusTestResource(EmptyMarketData.class)
class MarketStatisticsTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final String TIANJIN = "/api/v1/jurisdictions/TJ/market-statistics";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    Clock clock;

    @BeforeEach
    void tradersAreFunded() {
        Funding.everyone();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void afterTradesTheStatisticsAreTheTradesFiguresAndAnUntradedInstrumentKeepsItsClose() {
        Funding.units(DemoUser.ENTITY_1, "TJEA-2024", 1_000);
        order(DemoUser.ENTITY_1, "SELL", 2_510, 30);
        order(DemoUser.ENTITY_2, "BUY", 2_520, 30);
        order(DemoUser.ENTITY_1, "SELL", 2_550, 10);
        order(DemoUser.ENTITY_2, "BUY", 2_550, 10);
        List<Map<String, Object>> fills = Calls.get(DemoUser.ENTITY_2, "/api/v1/fills").statusCode(200).extract()
                .jsonPath().getList("findAll { it.instrument == 'TJEA-2024' }");
        long volume = fills.stream().mapToLong(f -> ((Number) f.get("quantity")).longValue()).sum();
        long turnover = fills.stream().mapToLong(f -> ((Number) f.get("quantity")).longValue()
                * ((Number) f.get("priceFen")).longValue()).sum();
        assertThat(fills).hasSize(2);
        assertThat(volume).isEqualTo(40);
        assertThat(turnover).isEqualTo(30 * 2_510 + 10 * 2_550);

        await().atMost(PATIENCE).until(() -> figure(statistics(DemoUser.REGULATOR, "").statusCode(200).extract()
                .jsonPath(), "TJEA-2024", "trades") == 2);
        JsonPath report = statistics(DemoUser.REGULATOR, "").statusCode(200)
                .body("jurisdiction", equalTo("TJ")).body("from", equalTo("2026-11-25"))
                .body("to", equalTo("2026-11-25")).body("instruments.instrument",
                        equalTo(List.of("TJEA-2024", "TJEA-2025"))).extract().jsonPath();
        assertThat(figure(report, "TJEA-2024", "volumeTonnes")).isEqualTo(volume);
        assertThat(figure(report, "TJEA-2024", "turnoverFen")).isEqualTo(turnover);
        assertThat(figure(report, "TJEA-2024", "vwapFen")).isEqualTo(2_520); // 100,800 fen / 40 t
        assertThat(figure(report, "TJEA-2024", "highFen")).isEqualTo(2_550);
        assertThat(figure(report, "TJEA-2024", "lowFen")).isEqualTo(2_510);
        assertThat(figure(report, "TJEA-2024", "lastCloseFen")).isEqualTo(2_520);
        assertThat(figure(report, "TJEA-2025", "trades")).isZero();
        assertThat(figure(report, "TJEA-2025", "vwapFen")).isNull();
        assertThat(figure(report, "TJEA-2025", "lastCloseFen")).as("the listed reference close").isEqualTo(2_500);

        JsonPath month = statistics(DemoUser.OPERATOR, "?from=2026-11-01&to=2026-11-30").statusCode(200)
                .extract().jsonPath();
        assertThat(figure(month, "TJEA-2024", "turnoverFen")).isEqualTo(turnover);
        JsonPath later = statistics(DemoUser.REGULATOR, "?from=2026-11-26&to=2026-11-30").statusCode(200)
                .extract().jsonPath();
        assertThat(figure(later, "TJEA-2024", "trades")).isZero();
        assertThat(figure(later, "TJEA-2024", "highFen")).isNull();
        assertThat(figure(later, "TJEA-2024", "lastCloseFen")).as("the close carried on").isEqualTo(2_520);

        String csv = statistics(DemoUser.REGULATOR, "?format=csv").statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "jurisdiction,from,to,instrument,trades,volume_tonnes,turnover_fen,vwap_fen,high_fen,low_fen,"
                        + "last_close_fen",
                "TJ,2026-11-25,2026-11-25,TJEA-2024,2,40,100800,2520,2550,2510,2520",
                "TJ,2026-11-25,2026-11-25,TJEA-2025,0,0,0,,,,2500");
    }

    @Test
    void anAuthorityOfAnotherPilotIsRefusedAndOneSeesItsOwn() {
        statistics(DemoUser.AUTHORITY_SZ, "").statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("NOT_YOUR_JURISDICTION"));
        given().auth().oauth2(accessToken(DemoUser.AUTHORITY_SZ)).when()
                .get("/api/v1/jurisdictions/SZ/market-statistics").then().statusCode(200)
                .body("jurisdiction", equalTo("SZ")).body("instruments.instrument",
                        equalTo(List.of("SZEA-2024", "SZEA-2025")));
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).when()
                .get("/api/v1/jurisdictions/HB/market-statistics").then().statusCode(200);
        statistics(DemoUser.PROVINCE_HB, "").statusCode(403).body("code", equalTo("NOT_YOUR_JURISDICTION"));
        statistics(DemoUser.OPERATOR, "").statusCode(200);
        statistics(DemoUser.ENTITY_1, "").statusCode(403);
        given().when().get(TIANJIN).then().statusCode(401);
    }

    @Test
    void badDatesAndUnknownJurisdictionsAreRefused() {
        statistics(DemoUser.REGULATOR, "?from=2026-11-30&to=2026-11-01").statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        statistics(DemoUser.REGULATOR, "?from=2025-11-25&to=2026-11-26").statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        statistics(DemoUser.REGULATOR, "?from=2025-11-26&to=2026-11-26").statusCode(200);
        statistics(DemoUser.REGULATOR, "?from=25.11.2026").statusCode(400);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when()
                .get("/api/v1/jurisdictions/XX/market-statistics").then().statusCode(404)
                .body("code", equalTo("JURISDICTION_NOT_FOUND"));
    }

    private static ValidatableResponse statistics(DemoUser user, String query) {
        return given().auth().oauth2(accessToken(user)).when().get(TIANJIN + query).then();
    }

    /** A figure of one instrument's line of a report, null where the report has none. */
    private static Long figure(JsonPath report, String instrument, String field) {
        Number value = report.get("instruments.find { it.instrument == '" + instrument + "' }." + field);
        return value == null ? null : value.longValue();
    }

    private static void order(DemoUser user, String side, long price, long quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientOrderId", UUID.randomUUID().toString());
        body.put("instrument", "TJEA-2024");
        body.put("side", side);
        body.put("priceFen", price);
        body.put("quantity", quantity);
        Calls.post(user, "/api/v1/orders", body).statusCode(201);
    }
}
