package cn.carbonmarket.settlement.revenue;

import static cn.carbonmarket.settlement.SettlementFixtures.cash;
import static cn.carbonmarket.settlement.SettlementFixtures.units;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auctioneer's cash account is the national auction revenue account: a primary auction's trade clears by DvP at
 * the clearing price, the seller (the auctioneer) pays no fee, the winner pays the buyer's fee; the regulator reads it.
 */
@QuarkusTest
class AuctionRevenueTest {

    private static final DemoUser WINNER = DemoUser.ENTITY_2;

    private String auctioneer;

    @BeforeEach
    void parties() {
        auctioneer = SettlementFixtures.auctioneerAdmitted(Jurisdiction.CN);
        SettlementFixtures.admitted(WINNER);
    }

    private static ValidatableResponse revenue(DemoUser viewer, String jurisdiction) {
        return given().auth().oauth2(accessToken(viewer)).queryParam("jurisdiction", jurisdiction).when()
                .get("/api/v1/auction-revenue").then().log().ifValidationFails();
    }

    private static long figure(JsonPath report, String path) {
        return report.<Number>get(path).longValue();
    }

    @Test
    void theWinnerPaysTheClearingPriceToTheAuctioneerAndTheRegulatorSeesTheRevenue() {
        TradeEvents.unitsIntoTrading(auctioneer, 100);
        SettlementFixtures.funded(WINNER, 1_000_000);
        JsonPath before = revenue(DemoUser.REGULATOR, "CN").statusCode(200).extract().jsonPath();
        long auctioneerCash = cash(auctioneer, "available");
        long winnerCash = cash(WINNER, "available");
        long auctioneerUnits = units(auctioneer);
        long winnerUnits = units(WINNER);
        String tradeId = "AUC-" + UUID.randomUUID();

        // 100 t at 81.23 yuan: 812,300 fen; the buyer's fee 6 bp = 487.38 -> 487 fen (HALF_UP); the seller's none.
        TradeEvents.publish(TradeEvents.trade(tradeId, WINNER.partyId(), auctioneer, 100, 8_123, 487, 0, "AUCTION"));
        TradeEvents.awaitCleared(tradeId);

        assertThat(cash(auctioneer, "available")).isEqualTo(auctioneerCash + 812_300);
        assertThat(cash(WINNER, "available")).isEqualTo(winnerCash - 812_300 - 487);
        assertThat(units(auctioneer)).isEqualTo(auctioneerUnits - 100);
        assertThat(units(WINNER)).isEqualTo(winnerUnits + 100);

        JsonPath after = revenue(DemoUser.REGULATOR, "CN").statusCode(200)
                .body("jurisdiction", equalTo("CN")).body("auctioneerPartyId", equalTo(auctioneer))
                .extract().jsonPath();
        assertThat(figure(after, "cashBalanceFen")).isEqualTo(figure(before, "cashBalanceFen") + 812_300)
                .isEqualTo(cash(auctioneer, "available"));
        assertThat(figure(after, "proceedsFen")).isEqualTo(figure(before, "proceedsFen") + 812_300);
        assertThat(figure(after, "feesFen")).isEqualTo(figure(before, "feesFen"));
        assertThat(figure(after, "tonnesSold")).isEqualTo(figure(before, "tonnesSold") + 100);
        assertThat(figure(after, "trades")).isEqualTo(figure(before, "trades") + 1);
        assertThat(after.getList("days.proceedsFen", Number.class).stream().mapToLong(Number::longValue).sum())
                .isEqualTo(figure(after, "proceedsFen"));
        Map<String, Object> entry = after.getMap("entries.find { it.tradeId == '" + tradeId + "' }");
        assertThat(entry).containsEntry("buyerPartyId", WINNER.partyId()).containsEntry("instrument", TradeEvents.CEA)
                .containsEntry("tonnes", 100).containsEntry("priceFen", 8_123).containsEntry("proceedsFen", 812_300)
                .containsEntry("feeFen", 0);

        revenue(DemoUser.BANK, "CN").statusCode(200).body("cashBalanceFen", equalTo((int) figure(after, "cashBalanceFen")));
        revenue(DemoUser.OPERATOR, "CN").statusCode(200);
    }

    @Test
    void participantsAreDeniedAndBadInputIsA400() {
        revenue(WINNER, "CN").statusCode(403);
        revenue(DemoUser.INVESTOR_1, "CN").statusCode(403);
        revenue(DemoUser.PROVINCE_HB, "CN").statusCode(403);
        revenue(DemoUser.REGULATOR, "XX").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/auction-revenue").then()
                .statusCode(400);
        // No auctioneer of Shenzhen was registered: it has no revenue account.
        revenue(DemoUser.REGULATOR, "SZ").statusCode(404).body("code", equalTo("CASH_ACCOUNT_NOT_FOUND"));
    }
}
