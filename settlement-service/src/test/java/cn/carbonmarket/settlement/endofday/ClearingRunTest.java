package cn.carbonmarket.settlement.endofday;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The end-of-day run of a trade date: net positions, delivery instructions, statements, once per date. */
@QuarkusTest
class ClearingRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoUser E1 = DemoUser.ENTITY_1;
    private static final DemoUser E2 = DemoUser.ENTITY_2;
    private static final DemoUser I1 = DemoUser.INVESTOR_1;

    private static ValidatableResponse startRun(DemoUser user, String date) {
        return given().auth().oauth2(accessToken(user)).when().post("/api/v1/clearing-runs/" + date).then()
                .log().ifValidationFails();
    }

    private static ValidatableResponse statement(DemoUser user, String party, String date, String accept) {
        return given().auth().oauth2(accessToken(user)).accept(accept).when()
                .get("/api/v1/statements/" + party + "/" + date).then().log().ifValidationFails();
    }

    @Test
    void aTradeDateIsNettedOnceIntoDeliveriesAndStatements() throws Exception {
        for (DemoUser user : List.of(E1, E2, I1)) {
            SettlementFixtures.admitted(user);
        }
        SettlementFixtures.funded(E1, 1_000_000);
        SettlementFixtures.funded(E2, 1_000_000);
        TradeEvents.unitsIntoTrading(I1.partyId(), 50);
        // A date no earlier run of this suite used, so that the run is this test's own.
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        Instant at = day.atTime(10, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        String date = day.toString();
        TradeEvents.Sent t1 = TradeEvents.publish(TradeEvents.trade("T-" + UUID.randomUUID(), E1.partyId(),
                I1.partyId(), 30, 6_000, 108, 108, "CONTINUOUS", at));
        TradeEvents.publish(TradeEvents.trade("T-" + UUID.randomUUID(), E2.partyId(), I1.partyId(), 20, 6_100, 100,
                100, "CONTINUOUS", at));
        // Markup in a trade id (trading's to choose) must reach the HTML statement as text.
        TradeEvents.Sent t3 = TradeEvents.publish(TradeEvents.trade("T-<script>&" + UUID.randomUUID(), E1.partyId(),
                E2.partyId(), 5, 6_050, 100, 100, "CONTINUOUS", at));
        TradeEvents.awaitCleared(t3.tradeId());
        statement(E1, E1.partyId(), date, "application/json").statusCode(404)
                .body("code", equalTo("CLEARING_RUN_NOT_FOUND"));

        String runId = startRun(DemoUser.OPERATOR, date).statusCode(201).body("trades", equalTo(3))
                .body("feesFen", equalTo(108 * 2 + 100 * 4)).extract().path("runId");
        startRun(DemoUser.OPERATOR, date).statusCode(200).body("runId", equalTo(runId));
        List<Map<String, Object>> positions = given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when()
                .get("/api/v1/clearing-runs/" + date).then().statusCode(200).extract().path("positions");
        assertThat(positions).extracting(p -> p.get("partyId") + " " + p.get("netUnits")).containsExactlyInAnyOrder(
                E1.partyId() + " 35", E2.partyId() + " 15", I1.partyId() + " -50");
        assertThat(positions.stream().mapToLong(p -> ((Number) p.get("netCashFen")).longValue()).sum())
                .isEqualTo(-(108 * 2 + 100 * 4));

        JsonNode instructions = JSON.readTree(new KafkaTopic("settlement.delivery-instructions")
                .await(r -> r.value().contains(runId), Duration.ofSeconds(30)).value());
        assertThat(instructions.get("type").asText()).isEqualTo("DeliveryInstructions");
        assertThat(instructions.at("/payload/tradeDate").asText()).isEqualTo(date);
        assertThat(instructions.at("/payload/deliveries").findValues("netUnits").stream().mapToLong(JsonNode::asLong)
                .sum()).isZero();
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'DeliveryInstructions'"
                + " and event_key = ?", runId)).isEqualTo(1);

        statement(E1, E1.partyId(), date, "application/json").statusCode(200).body("trades.size()", equalTo(2))
                .body("net[0].netUnits", equalTo(35))
                .body("net[0].netCashFen", equalTo(-(30 * 6_000 + 108) - (5 * 6_050 + 100)));
        String csv = statement(E1, E1.partyId(), date, "text/csv").statusCode(200).contentType("text/csv")
                .extract().asString();
        assertThat(csv.lines().toList()).hasSize(4).first().asString().startsWith("record,trade_id,side");
        assertThat(csv).contains("TRADE," + t1.tradeId() + ",BUY,CEA-2025,30,6000,180000,108,CONTINUOUS");
        String html = statement(E1, E1.partyId(), date, "text/html").statusCode(200).contentType("text/html")
                .header("Content-Disposition", containsString(".html")).extract().asString();
        assertThat(html).contains("<td>" + t1.tradeId() + "</td><td>BUY</td><td>CEA-2025</td><td class=\"n\">30</td>"
                        + "<td class=\"n\">60.00</td><td class=\"n\">1800.00</td><td class=\"n\">1.08</td>",
                        "T-&lt;script&gt;&amp;" + t3.tradeId().substring("T-<script>&".length()),
                        "<td>CEA-2025</td><td class=\"n\">35</td><td class=\"n\">-2104.58</td>")
                .doesNotContain("<script>");
        statement(E2, E1.partyId(), date, "text/html").statusCode(403);
        statement(E2, E1.partyId(), date, "application/json").statusCode(403);
        statement(DemoUser.BANK, E1.partyId(), date, "text/csv").statusCode(200);
    }

    @Test
    void aClosedDateTakesNoMoreTradesButRedeliveriesStillPass() {
        SettlementFixtures.admitted(E1);
        SettlementFixtures.admitted(I1);
        SettlementFixtures.funded(E1, 100_000);
        TradeEvents.unitsIntoTrading(I1.partyId(), 2);
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        Instant at = day.atTime(14, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        TradeEvents.Sent before = TradeEvents.publish(TradeEvents.trade("T-" + UUID.randomUUID(), E1.partyId(),
                I1.partyId(), 1, 5_000, 100, 100, "CONTINUOUS", at));
        TradeEvents.awaitCleared(before.tradeId());
        startRun(DemoUser.OPERATOR, day.toString()).statusCode(201).body("trades", equalTo(1));

        TradeEvents.publish(TradeEvents.trade(before.tradeId(), E1.partyId(), I1.partyId(), 1, 5_000, 100, 100,
                "CONTINUOUS", at));
        TradeEvents.Sent late = TradeEvents.publish(TradeEvents.trade("T-" + UUID.randomUUID(), E1.partyId(),
                I1.partyId(), 1, 5_000, 100, 100, "CONTINUOUS", at));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from clearing_break"
                + " where trade_id = ? and code = 'TRADE_DATE_CLOSED'", late.tradeId()) == 1);
        assertThat(DB.count("select count(*) from clearing_break where trade_id = ?", before.tradeId())).isZero();
        assertThat(DB.count("select count(*) from journal_entry where id = ?", "TRADE:" + late.tradeId())).isZero();
    }

    @Test
    void aDayWithoutTradesIsRunButSendsTheRegistryNothing() {
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        String runId = startRun(DemoUser.OPERATOR, day.toString()).statusCode(201).body("trades", equalTo(0))
                .body("positions.size()", equalTo(0)).extract().path("runId");
        assertThat(DB.count("select count(*) from outbox_event where event_key = ?", runId)).isZero();
    }

    @Test
    void onlyTheOperatorRunsADateAndBadDatesAreRefused() {
        startRun(E1, "2031-01-01").statusCode(403);
        startRun(DemoUser.REGULATOR, "2031-01-01").statusCode(403);
        startRun(DemoUser.OPERATOR, "2031-02-30").statusCode(400).body("errors.field", org.hamcrest.Matchers
                .hasItem("tradeDate"));
        given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when().get("/api/v1/clearing-runs/1999-01-01")
                .then().statusCode(404);
        given().auth().oauth2(accessToken(E1)).when().get("/api/v1/clearing-runs/1999-01-01").then().statusCode(403);
    }
}
