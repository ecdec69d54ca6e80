package cn.carbonmarket.settlement.reconciliation;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.settlement.TradingStub;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.PartyEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation against the registry's IN_TRADING holdings (from its events) and trading's risk view (the local
 * stub). The test database holds other tests' books too, so each test looks at the differences of its own parties.
 */
@QuarkusTest
class ReconciliationTest {

    @AfterEach
    void tradingBack() {
        TradingStub.down = false;
        TradingStub.positions = "[]";
    }

    /** A fresh party with 1,000.00 CNY deposited and 40 t of CEA-2025 moved into trading at the registry. */
    private static String fundedParty() {
        String party = PartyEvents.publish(PartyEvents.registered("Recon " + UUID.randomUUID(), "INSTITUTION", "HB"))
                .partyId();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                DB.count("select count(*) from cash_account where party_id = ?::uuid", party) == 1);
        SettlementFixtures.deposit("BANK-" + UUID.randomUUID(), party, 100_000).statusCode(201);
        TradeEvents.unitsIntoTrading(party, 40);
        return party;
    }

    private static String position(String party, String asset, long balance) {
        return "{\"partyId\":\"%s\",\"asset\":\"%s\",\"balance\":%d,\"reserved\":0,\"held\":0}"
                .formatted(party, asset, balance);
    }

    private static JsonPath reconcile(DemoUser who) {
        return given().auth().oauth2(accessToken(who)).when().post("/api/v1/reconciliation-runs").then()
                .log().ifValidationFails().statusCode(201).extract().jsonPath();
    }

    private static List<Map<String, Object>> differencesOf(JsonPath report, String party) {
        return report.getList("differences.findAll { it.partyId == '" + party + "' }");
    }

    @Test
    void equalBooksGiveNoDifference() {
        String party = fundedParty();
        TradingStub.positions = "[" + position(party, "CNY", 100_000) + "," + position(party, TradeEvents.CEA, 40)
                + "]";

        JsonPath report = reconcile(DemoUser.OPERATOR);

        assertThat(report.getString("startedBy")).as("who reconciled").isEqualTo(DemoUser.OPERATOR.username());
        assertThat(report.getString("registryStatus")).isEqualTo("COMPARED");
        assertThat(report.getString("tradingStatus")).isEqualTo("COMPARED");
        assertThat(differencesOf(report, party)).isEmpty();
    }

    @Test
    void differencesMadeOnPurposeShowUpPerPartyAndAsset() {
        String party = fundedParty();
        // The registry books 5 t more into trading under a type settlement does not credit, and trading sees
        // 1 fen less cash than settlement holds.
        String transaction = UUID.randomUUID().toString();
        new KafkaTopic("registry.transactions").send(party, """
                {"eventId":"%s","type":"TransactionBooked","version":1,"occurredAt":"%s","producer":"registry-service",\
                "key":"%s","payload":{"transactionId":"%s","type":"CORRECTION","initiator":"regulator",\
                "bookedAt":"%s","lines":[{"account":"HOLDING-%s","partyId":"%s","instrument":"%s",\
                "status":"IN_TRADING","delta":5}]}}""".formatted(UUID.randomUUID(), Instant.now(), party,
                transaction, Instant.now(), party, party, TradeEvents.CEA));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count(
                "select count(*) from registry_transaction_mirrored where transaction_id = ?", transaction) == 1);
        TradingStub.positions = "[" + position(party, "CNY", 99_999) + "," + position(party, TradeEvents.CEA, 40)
                + "]";

        JsonPath report = reconcile(DemoUser.REGULATOR);

        assertThat(differencesOf(report, party)).containsExactlyInAnyOrder(
                Map.of("source", "REGISTRY", "partyId", party, "asset", TradeEvents.CEA, "settlement", 40,
                        "other", 45, "difference", -5),
                Map.of("source", "TRADING", "partyId", party, "asset", "CNY", "settlement", 100_000,
                        "other", 99_999, "difference", 1));
        // The run is kept: the day's latest report is the same one.
        given().auth().oauth2(accessToken(DemoUser.OPERATOR)).queryParam("date", report.getString("businessDate"))
                .when().get("/api/v1/reconciliation").then().statusCode(200)
                .body("runId", equalTo(report.getString("runId")));
        assertThat(DB.count("select differences from reconciliation_run where run_id = ?::uuid",
                report.getString("runId"))).isEqualTo(report.getList("differences").size());
    }

    @Test
    void withTradingDownTheReportSaysSoAndStillComparesTheRegistry() {
        String party = fundedParty();
        TradingStub.down = true;

        JsonPath report = reconcile(DemoUser.OPERATOR);

        assertThat(report.getString("tradingStatus")).isEqualTo("UNAVAILABLE");
        assertThat(report.getString("tradingDetail")).contains("503");
        assertThat(report.getString("registryStatus")).isEqualTo("COMPARED");
        assertThat(differencesOf(report, party)).isEmpty();
        assertThat(report.getList("differences.source")).doesNotContain("TRADING");
    }

    @Test
    void onlyTheOperatorAndTheRegulatorReconcile() {
        given().auth().oauth2(accessToken(DemoUser.INVESTOR_1)).when().post("/api/v1/reconciliation-runs")
                .then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.BANK)).queryParam("date", "2026-01-05")
                .when().get("/api/v1/reconciliation").then().statusCode(403);
        given().when().post("/api/v1/reconciliation-runs").then().statusCode(401);
    }

    @Test
    void aBadOrUnknownDateIsAProblem() {
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("date", "yesterday")
                .when().get("/api/v1/reconciliation").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("date", "1999-01-04")
                .when().get("/api/v1/reconciliation").then().statusCode(404)
                .body("code", equalTo("RECONCILIATION_NOT_FOUND"));
    }
}
