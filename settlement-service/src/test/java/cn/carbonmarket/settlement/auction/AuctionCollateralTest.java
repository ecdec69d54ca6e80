package cn.carbonmarket.settlement.auction;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.settlement.SettlementFixtures.cash;
import static cn.carbonmarket.settlement.SettlementFixtures.post;
import static cn.carbonmarket.settlement.SettlementFixtures.units;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auction collateral: reserved (pending), put into use by the auction's trades, the rest released or voided. */
@QuarkusTest
class AuctionCollateralTest {

    private static final DemoUser BIDDER = DemoUser.INDIVIDUAL_1;
    private static final DemoUser SELLER = DemoUser.ENTITY_2;

    @BeforeEach
    void funded() {
        SettlementFixtures.admitted(BIDDER);
        SettlementFixtures.admitted(SELLER);
        SettlementFixtures.funded(BIDDER, 1_000_000);
        TradeEvents.unitsIntoTrading(SELLER.partyId(), 100);
    }

    private static String auction() {
        return "AUC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse reserve(DemoUser who, String auction, String party, long fen) {
        return post(who, "/api/v1/auction-collateral", Map.of("auctionId", auction, "partyId", party,
                "instrument", TradeEvents.CEA, "amountFen", fen));
    }

    private static ValidatableResponse settle(DemoUser who, String auction) {
        return given().auth().oauth2(accessToken(who)).when().post("/api/v1/auction-collateral/" + auction
                + "/settlement").then().log().ifValidationFails();
    }

    @Test
    void theWinnerPaysOutOfItsCollateralAndGetsTheRestBack() {
        String auction = auction();
        long available = cash(BIDDER, "available");
        long units = units(BIDDER);

        reserve(BIDDER, auction, BIDDER.partyId(), 600_000).statusCode(201).body("state", equalTo("PENDING"));
        reserve(BIDDER, auction, BIDDER.partyId(), 600_000).statusCode(200);
        assertThat(cash(BIDDER, "available")).isEqualTo(available - 600_000);
        assertThat(DB.count("select count(*) from journal_entry where id = ? and state = 'PENDING'",
                "COLLATERAL_RESERVE:" + auction + "/" + BIDDER.partyId())).isEqualTo(1);

        TradeEvents.Sent trade = TradeEvents.publish(TradeEvents.trade("A-" + UUID.randomUUID(), BIDDER.partyId(),
                SELLER.partyId(), 100, 5_000, 300, 0, "AUCTION"));
        TradeEvents.awaitCleared(trade.tradeId());
        assertThat(DB.count("select count(*) from clearing_break where trade_id = ?", trade.tradeId())).isZero();
        assertThat(cash(BIDDER, "reserved")).isEqualTo(600_000 - 500_000 - 300);

        settle(DemoUser.OPERATOR, auction).statusCode(200).body("[0].state", equalTo("RELEASED"))
                .body("[0].releasedFen", equalTo(99_700));
        settle(DemoUser.OPERATOR, auction).statusCode(200).body("[0].releasedFen", equalTo(99_700));

        assertThat(cash(BIDDER, "available")).isEqualTo(available - 500_000 - 300);
        assertThat(cash(BIDDER, "reserved")).isZero();
        assertThat(units(BIDDER)).isEqualTo(units + 100);
    }

    @Test
    void aBidderWithoutATradeGetsItsCollateralBackByVoiding() {
        String auction = auction();
        long available = cash(BIDDER, "available");
        reserve(BIDDER, auction, BIDDER.partyId(), 300_000).statusCode(201);
        // One auction at a time per party.
        reserve(BIDDER, auction(), BIDDER.partyId(), 1_000).statusCode(409)
                .body("code", equalTo("COLLATERAL_ALREADY_RESERVED"));

        settle(DemoUser.OPERATOR, auction).statusCode(200).body("[0].state", equalTo("VOIDED"));

        assertThat(cash(BIDDER, "available")).isEqualTo(available);
        assertThat(DB.count("select count(*) from journal_entry where id = ? and state = 'VOIDED'",
                "COLLATERAL_RESERVE:" + auction + "/" + BIDDER.partyId())).isEqualTo(1);
    }

    /** The exchange's one-way auctions: trading's risk view covered the bid, no collateral was reserved here. */
    @Test
    void anAuctionTradeWithoutCollateralPaysFromAvailableCashOrIsABreak() {
        long available = cash(BIDDER, "available");
        TradeEvents.Sent trade = TradeEvents.publish(TradeEvents.trade("A-" + UUID.randomUUID(), BIDDER.partyId(),
                SELLER.partyId(), 1, 5_000, 100, 0, "AUCTION"));
        TradeEvents.awaitCleared(trade.tradeId());
        assertThat(cash(BIDDER, "available")).isEqualTo(available - 5_000 - 100);

        TradeEvents.Sent tooDear = TradeEvents.publish(TradeEvents.trade("A-" + UUID.randomUUID(), BIDDER.partyId(),
                SELLER.partyId(), 1, available, 100, 0, "AUCTION"));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from clearing_break"
                + " where trade_id = ? and code = 'INSUFFICIENT_FUNDS'", tooDear.tradeId()) == 1);
        assertThat(cash(BIDDER, "available")).isEqualTo(available - 5_000 - 100);
    }

    @Test
    void onlyTheBidderReservesItsOwnCashAndOnlyTheOperatorSettles() {
        String auction = auction();
        long available = cash(BIDDER, "available");
        reserve(DemoUser.ENTITY_1, auction, BIDDER.partyId(), 1_000).statusCode(403);
        reserve(DemoUser.OPERATOR, auction, BIDDER.partyId(), 1_000).statusCode(403);
        reserve(BIDDER, auction, BIDDER.partyId(), available + 1).statusCode(422)
                .body("code", equalTo("INSUFFICIENT_FUNDS"));
        post(BIDDER, "/api/v1/auction-collateral", Map.of("auctionId", auction, "partyId", BIDDER.partyId(),
                "instrument", "XYZ", "amountFen", 1_000)).statusCode(400).contentType("application/problem+json");
        post(BIDDER, "/api/v1/auction-collateral", Map.of("auctionId", "<bad>", "partyId", BIDDER.partyId(),
                "instrument", TradeEvents.CEA, "amountFen", 1_000)).statusCode(400);
        assertThat(cash(BIDDER, "available")).isEqualTo(available);
        assertThat(DB.count("select count(*) from auction_collateral where auction_id = ?", auction)).isZero();

        settle(BIDDER, auction).statusCode(403);
        settle(DemoUser.OPERATOR, auction).statusCode(404).body("code", equalTo("AUCTION_NOT_FOUND"));
        given().auth().oauth2(accessToken(BIDDER)).when().get("/api/v1/auction-collateral/" + auction).then()
                .statusCode(403);
    }
}
