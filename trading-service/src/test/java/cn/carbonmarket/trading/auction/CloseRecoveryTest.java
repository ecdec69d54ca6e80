package cn.carbonmarket.trading.auction;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.block.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.risk.AssetBalance;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.risk.Restart;
import cn.carbonmarket.trading.risk.RiskBook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crash gap of auctions: a close commits the auction's and bids' results, and the allocations' trades are
 * recorded (and the reservations filled) after that commit. A stop in between must lose neither trade nor money:
 * the next start records the trades once and no longer reinstates the cleared auction's reservations.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class CloseRecoveryTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant CLOSE = MORNING.plus(Duration.ofHours(1));
    private static final String AUCTIONS = "/api/v1/auctions";
    private static final long TONNES = 1_000;
    private static final long CLEARING = 9_200;
    /** 0.06% of 9,200,000 fen for the buyer; auction sellers pay none (the rule pack's auction fees). */
    private static final long BUYER_FEE = 5_520;

    @Inject
    Restart restart;
    @Inject
    PreTradeRisk risk;

    private final Database database = new Database("trading");

    @BeforeEach
    void everyTraderIsFunded() {
        Funding.everyone();
    }

    @Test
    void aCloseCommittedWithoutItsTradesIsRecordedOnceAtTheNextStartAndItsReservationsStayFilled() {
        long unitsReserved = balance(DemoUser.ENTITY_1, "CEA-2024", "reserved");
        long cashReserved = balance(DemoUser.INVESTOR_1, RiskBook.CASH, "reserved");
        long auction = post(DemoUser.OPERATOR, AUCTIONS, Map.of("seller", DemoUser.ENTITY_1.partyId(),
                "instrument", "CEA-2024", "quantity", TONNES, "reservePriceFen", 9_000L,
                "opensAt", MORNING.toString(), "closesAt", CLOSE.toString()))
                .statusCode(201).extract().jsonPath().getLong("auctionId");
        long bid = post(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction + "/bids",
                Map.of("priceFen", CLEARING, "quantity", TONNES)).statusCode(201).extract().jsonPath()
                .getLong("bidId");
        String tradeId = "CEA-2024-AUCTION-" + auction + "-" + bid;
        try {
            // What a stop right after the close's commit leaves: auction and bid cleared, the trade nowhere.
            database.update("update auction set state = 'CLEARED', clearing_fen = ?, sold = quantity,"
                    + " demand = quantity, closed_at = ? where id = ?", CLEARING, CLOSE.atOffset(ZoneOffset.UTC),
                    auction);
            database.update("update auction_bid set allocated = ?, trade_id = ? where id = ?", TONNES, tradeId, bid);

            PreTradeRisk restarted = restart.recovered();

            assertThat(database.count("select count(*) from trade where trade_id = ? and mode = 'AUCTION'"
                            + " and buyer_party_id = ?::uuid and seller_party_id = ?::uuid and quantity = ?"
                            + " and price_fen = ? and buyer_fee_fen = ? and seller_fee_fen = 0", tradeId,
                    DemoUser.INVESTOR_1.partyId(), DemoUser.ENTITY_1.partyId(), TONNES, CLEARING, BUYER_FEE))
                    .isEqualTo(1);
            assertThat(published(tradeId)).isEqualTo(1);
            AssetBalance buyerCash = asset(restarted, DemoUser.INVESTOR_1, RiskBook.CASH);
            assertThat(buyerCash.balance()).isEqualTo(Funding.PLENTY_OF_CASH - TONNES * CLEARING - BUYER_FEE);
            assertThat(buyerCash.reserved()).as("the filled bid reserves nothing any more").isEqualTo(cashReserved);
            assertThat(asset(restarted, DemoUser.INVESTOR_1, "CEA-2024").balance())
                    .isEqualTo(Funding.PLENTY_OF_UNITS + TONNES);
            AssetBalance sold = asset(restarted, DemoUser.ENTITY_1, "CEA-2024");
            assertThat(sold.balance()).isEqualTo(Funding.PLENTY_OF_UNITS - TONNES);
            assertThat(sold.reserved()).as("the sold volume reserves nothing any more").isEqualTo(unitsReserved);
            assertThat(asset(restarted, DemoUser.ENTITY_1, RiskBook.CASH).balance())
                    .isEqualTo(Funding.PLENTY_OF_CASH + TONNES * CLEARING);

            restart.recovered();
            assertThat(database.count("select count(*) from trade where trade_id = ?", tradeId)).isEqualTo(1);
            assertThat(published(tradeId)).isEqualTo(1);
        } finally {
            // The running service never saw this close: free what its view still reserves for the auction, as
            // the close would have, so that later comparisons with a restarted view hold.
            risk.book().releaseReservation(AuctionHouse.bidKey(bid));
            risk.book().releaseReservation(AuctionHouse.volumeKey(auction));
        }
    }

    private long published(String tradeId) {
        return database.count("select count(*) from outbox_event where event_type = 'TradeExecuted'"
                + " and envelope like ?", "%\"tradeId\":\"" + tradeId + "\"%");
    }

    private static AssetBalance asset(PreTradeRisk risk, DemoUser user, String asset) {
        return risk.balances(PartyId.parse(user.partyId())).stream().filter(b -> b.asset().equals(asset))
                .findFirst().orElseThrow();
    }
}
