package cn.carbonmarket.trading.auction;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.block.Calls.get;
import static cn.carbonmarket.trading.block.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.block.OffBookTrade;
import cn.carbonmarket.trading.block.RecordedTrades;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.trading.rules.RiskRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-way auctions over HTTP with real tokens: announcement, sealed bids, the close and its result. */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class AuctionTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final String AUCTIONS = "/api/v1/auctions";
    private static final RiskRules RISK = TradingRulePack.load(new ObjectMapper()).risk(Jurisdiction.CN)
            .orElseThrow();

    @Inject
    Clock clock;

    @Inject
    RecordedTrades trades;

    @Inject
    AuctionHouse house;

    private final Database database = new Database("trading");

    @BeforeEach
    void everyTraderIsFunded() {
        Funding.everyone();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void bidsClearAtTheUniformPriceAndEachAllocationIsATradeFromTheSeller() {
        long auction = announced(announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofHours(1)));
        assertThat(balance(DemoUser.ENTITY_1, "CEA-2025", "reserved")).as("the volume is set aside at announcement")
                .isGreaterThanOrEqualTo(1_000);
        long investorReserved = balance(DemoUser.INVESTOR_1, "CNY", "reserved");
        long investorCash = balance(DemoUser.INVESTOR_1, "CNY", "balance");
        String bids = AUCTIONS + "/" + auction + "/bids";
        long high = placed(DemoUser.ENTITY_2, auction, 9_500, 400);
        long margin1 = placed(DemoUser.INVESTOR_1, auction, 9_200, 300);
        long below = placed(DemoUser.INVESTOR_1, auction, 9_100, 100);
        long margin2 = placed(DemoUser.INDIVIDUAL_1, auction, 9_200, 600);
        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "reserved")).as("bids reserve price and worst fee")
                .isGreaterThan(investorReserved + 9_200 * 300 + 9_100 * 100);

        post(DemoUser.ENTITY_1, bids, bid(9_500, 10)).statusCode(422).body("code", equalTo("SELLER_CANNOT_BID"));
        post(DemoUser.ENTITY_2, bids, bid(8_999, 10)).statusCode(422).body("code", equalTo("BELOW_RESERVE_PRICE"));
        post(DemoUser.ENTITY_2, bids, bid(9_000, 1_001)).statusCode(422).body("code", equalTo("BID_ABOVE_VOLUME"));
        post(DemoUser.OPERATOR, bids, bid(9_000, 10)).statusCode(403);
        // Sealed: a bidder sees its own bids only; the operator sees all.
        get(DemoUser.INVESTOR_1, bids).statusCode(200).body("bidId", containsInAnyOrder((int) margin1, (int) below));
        get(DemoUser.ENTITY_1, bids).statusCode(200).body("", hasSize(0));
        get(DemoUser.OPERATOR, bids).statusCode(200).body("", hasSize(4));
        post(DemoUser.OPERATOR, AUCTIONS + "/" + auction + "/close").statusCode(409)
                .body("code", equalTo("BID_WINDOW_OPEN"));
        get(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction + "/result").statusCode(409)
                .body("code", equalTo("AUCTION_NOT_CLOSED"));

        ((ManualClock) clock).set(MORNING.plus(Duration.ofHours(1)));
        post(DemoUser.ENTITY_2, bids, bid(9_900, 10)).statusCode(422).body("code", equalTo("OUTSIDE_BID_WINDOW"));
        post(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction + "/close").statusCode(403);
        post(DemoUser.OPERATOR, AUCTIONS + "/" + auction + "/close").statusCode(200)
                .body("state", equalTo("CLEARED")).body("clearingPriceFen", equalTo(9_200));
        post(DemoUser.OPERATOR, AUCTIONS + "/" + auction + "/close").statusCode(409)
                .body("code", equalTo("AUCTION_CLOSED"));

        // 400 t above the price fill; the 600 t left go 1:2 to the two bids at 9,200; the bid below gets nothing.
        get(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction + "/result").statusCode(200)
                .body("state", equalTo("CLEARED")).body("clearingPriceFen", equalTo(9_200))
                .body("sold", equalTo(1_000)).body("demand", equalTo(1_400))
                .body("bids.bidId", contains((int) margin1, (int) below))
                .body("bids.allocated", contains(200, 0));
        get(DemoUser.ENTITY_1, AUCTIONS + "/" + auction + "/result").statusCode(200)
                .body("bids.allocated", contains(400, 200, 0, 400));
        String prefix = "CEA-2025-AUCTION-" + auction + "-";
        List<OffBookTrade> printed = trades.withIdStartingWith(prefix);
        assertThat(printed).extracting(OffBookTrade::tradeId)
                .containsExactly(prefix + high, prefix + margin1, prefix + margin2);
        assertThat(printed).extracting(OffBookTrade::quantity).containsExactly(400L, 200L, 400L);
        assertThat(printed).allSatisfy(trade -> {
            assertThat(trade.mode()).isEqualTo(TradeMode.AUCTION);
            assertThat(trade.price()).isEqualTo(9_200);
            assertThat(trade.seller().toString()).isEqualTo(DemoUser.ENTITY_1.partyId());
        });
        KafkaTopic topic = new KafkaTopic("trading.trades");
        String event = topic.await(r -> r.value().contains("\"tradeId\":\"" + prefix + margin1 + "\""),
                Duration.ofSeconds(30)).value();
        assertThat(event).contains("\"mode\":\"AUCTION\"", "\"quantity\":200", "\"priceFen\":9200",
                "\"buyerPartyId\":\"" + DemoUser.INVESTOR_1.partyId() + "\"", "\"buyerFeeFen\":");
        // The announcement and the close went out on trading.auctions: an operator's auction has no reference.
        assertThat(database.count("select count(*) from outbox_event where event_type = 'AuctionAnnounced'"
                + " and event_key = ? and envelope like '%\"auctionRef\":null%'", String.valueOf(auction)))
                .isEqualTo(1);
        String closed = new KafkaTopic("trading.auctions").await(r -> r.key().equals(String.valueOf(auction))
                && r.value().contains("\"type\":\"AuctionClosed\""), Duration.ofSeconds(30)).value();
        assertThat(closed).contains("\"outcome\":\"CLEARED\"", "\"clearingPriceFen\":9200",
                "\"offeredTonnes\":1000", "\"soldTonnes\":1000", "\"demandTonnes\":1400", "\"bidders\":3",
                // The winners are listed by party id, and the demo parties' ids are random.
                "{\"partyId\":\"" + DemoUser.ENTITY_2.partyId() + "\",\"tonnes\":400}",
                "{\"partyId\":\"" + DemoUser.INDIVIDUAL_1.partyId() + "\",\"tonnes\":400}",
                "{\"partyId\":\"" + DemoUser.INVESTOR_1.partyId() + "\",\"tonnes\":200}");
        // The filled bid paid value and fee; the unfilled and the partly filled bids' reservations are free again.
        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "reserved")).isEqualTo(investorReserved);
        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "balance")).isLessThan(investorCash - 9_200 * 200)
                .isGreaterThanOrEqualTo(investorCash - 9_200 * 200 - 9_200 * 200 / 100);
        assertThat(balance(DemoUser.INVESTOR_1, "CEA-2025", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS + 200);
        assertThat(balance(DemoUser.ENTITY_1, "CEA-2025", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS - 1_000);
    }

    @Test
    void aBidWithoutCashAndAnAnnouncementWithoutTheSellersUnitsAreRefused() {
        Funding.units(DemoUser.ENTITY_2, "CEA-2025", 999);
        long before = database.count("select count(*) from auction");
        refused(announcement(DemoUser.ENTITY_2, 1_000, 9_000, Duration.ofHours(1)), 422, "INSUFFICIENT_UNITS");
        assertThat(database.count("select count(*) from auction")).isEqualTo(before);

        long auction = announced(announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofHours(1)));
        Funding.cash(DemoUser.INDIVIDUAL_1, 9_000 * 100);
        post(DemoUser.INDIVIDUAL_1, AUCTIONS + "/" + auction + "/bids", bid(9_000, 100)).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_CASH"));
        get(DemoUser.OPERATOR, AUCTIONS + "/" + auction + "/bids").statusCode(200).body("", hasSize(0));
    }

    @Test
    void theSchedulerClosesADueAuctionAndCancelsItWhenDemandFallsShort() throws Throwable {
        long sellerReserved = balance(DemoUser.ENTITY_2, "CEA-2025", "reserved");
        long bidderReserved = balance(DemoUser.INVESTOR_1, "CNY", "reserved");
        long auction = announced(announcement(DemoUser.ENTITY_2, 1_000, 9_000, Duration.ofMinutes(30)));
        placed(DemoUser.INVESTOR_1, auction, 9_800, 500);
        placed(DemoUser.ENTITY_1, auction, 9_000, 499);

        VertxContextSupport.subscribeAndAwait(house::closeDue);
        get(DemoUser.OPERATOR, AUCTIONS + "/" + auction).statusCode(200).body("state", equalTo("ANNOUNCED"));

        ((ManualClock) clock).set(MORNING.plus(Duration.ofMinutes(30)));
        VertxContextSupport.subscribeAndAwait(house::closeDue);
        get(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction + "/result").statusCode(200)
                .body("state", equalTo("CANCELLED")).body("demand", equalTo(999))
                .body("clearingPriceFen", equalTo(null)).body("bids.allocated", everyItem(equalTo(0)));
        assertThat(trades.withIdStartingWith("CEA-2025-AUCTION-" + auction + "-")).isEmpty();
        assertThat(new KafkaTopic("trading.auctions").await(r -> r.key().equals(String.valueOf(auction))
                && r.value().contains("\"type\":\"AuctionClosed\""), Duration.ofSeconds(30)).value())
                .contains("\"outcome\":\"CANCELLED\"", "\"clearingPriceFen\":null", "\"soldTonnes\":0",
                        "\"demandTonnes\":999", "\"bidders\":2", "\"winners\":[]");
        assertThat(balance(DemoUser.ENTITY_2, "CEA-2025", "reserved")).as("a cancelled auction frees its volume")
                .isEqualTo(sellerReserved);
        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "reserved")).as("and its bids").isEqualTo(bidderReserved);
    }

    @Test
    void aBidderPlacesAtMostTheRulePacksNumberOfBids() {
        long auction = announced(announcement(DemoUser.ENTITY_2, 10_000, 9_000, Duration.ofHours(2)));
        for (int i = 0; i < 5; i++) {
            placed(DemoUser.ENTITY_1, auction, 9_000 + i, 10);
        }
        post(DemoUser.ENTITY_1, AUCTIONS + "/" + auction + "/bids", bid(9_100, 10)).statusCode(422)
                .body("code", equalTo("TOO_MANY_BIDS"));
    }

    @Test
    void onlyTheOperatorAnnouncesWithinTheLimitsAndARefusalWritesNothing() {
        long before = database.count("select count(*) from auction");
        refused(announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofMinutes(29)), 422,
                "BID_WINDOW_OUT_OF_RANGE");
        refused(announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofMinutes(7_201)), 422,
                "BID_WINDOW_OUT_OF_RANGE");
        refused(announcement(DemoUser.ENTITY_1, 100_000_001, 9_000, Duration.ofHours(1)), 422,
                "AUCTION_ABOVE_MAXIMUM");
        Map<String, Object> past = announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofHours(1));
        past.put("opensAt", MORNING.minus(Duration.ofHours(2)).toString());
        past.put("closesAt", MORNING.minus(Duration.ofHours(1)).toString());
        refused(past, 422, "BID_WINDOW_PASSED");
        Map<String, Object> backwards = announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofHours(1));
        backwards.put("closesAt", MORNING.minus(Duration.ofHours(1)).toString());
        refused(backwards, 400, "VALIDATION_FAILED");
        Map<String, Object> unlisted = announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofHours(1));
        unlisted.put("instrument", "CEA-2030");
        refused(unlisted, 404, "INSTRUMENT_NOT_LISTED");
        post(DemoUser.ENTITY_1, AUCTIONS, announcement(DemoUser.ENTITY_1, 1_000, 9_000, Duration.ofHours(1)))
                .statusCode(403);
        assertThat(database.count("select count(*) from auction")).isEqualTo(before);
        get(DemoUser.INVESTOR_1, AUCTIONS + "/999999999").statusCode(404).body("code", equalTo("AUCTION_NOT_FOUND"));
    }

    @Test
    void anAllocationThatTakesTheBidderAcrossTheLargeTraderLineIsReported() {
        long auction = announced(announcement(DemoUser.ENTITY_2, 1_000, 9_000, Duration.ofHours(1)));
        Funding.units(DemoUser.INDIVIDUAL_1, "CEA-2025", RISK.largeTraderThreshold() - 500);
        long bid = placed(DemoUser.INDIVIDUAL_1, auction, 9_000, 1_000);
        ((ManualClock) clock).set(MORNING.plus(Duration.ofHours(1)));
        post(DemoUser.OPERATOR, AUCTIONS + "/" + auction + "/close").statusCode(200)
                .body("state", equalTo("CLEARED"));

        String tradeId = "CEA-2025-AUCTION-" + auction + "-" + bid;
        var report = new KafkaTopic("trading.surveillance").await(r -> r.value().contains("LargeTraderReported")
                && r.value().contains("\"tradeId\":\"" + tradeId + "\""), Duration.ofSeconds(30));
        assertThat(report.key()).isEqualTo(DemoUser.INDIVIDUAL_1.partyId());
        assertThat(report.value()).contains("\"holding\":" + (RISK.largeTraderThreshold() + 500));
        assertThat(database.count("select count(*) from outbox_event where event_type = 'LargeTraderReported'"
                + " and envelope like ?", "%\"tradeId\":\"" + tradeId + "\"%")).isEqualTo(1);
    }

    @Test
    void aBidBeyondTheBiddersPositionLimitIsRefusedAndReservesNothing() {
        long auction = announced(announcement(DemoUser.ENTITY_2, 1_000, 9_000, Duration.ofHours(1)));
        Funding.units(DemoUser.INVESTOR_1, "CEA-2025", RISK.positionLimit() - 999);
        long reserved = balance(DemoUser.INVESTOR_1, "CNY", "reserved");

        post(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction + "/bids", bid(9_000, 1_000)).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("POSITION_LIMIT"));

        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "reserved")).isEqualTo(reserved);
        assertThat(database.count("select count(*) from auction_bid where auction_id = ?", auction)).isZero();
    }

    private static void refused(Map<String, Object> body, int status, String code) {
        post(DemoUser.OPERATOR, AUCTIONS, body).statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    private static long announced(Map<String, Object> body) {
        return post(DemoUser.OPERATOR, AUCTIONS, body).statusCode(201).body("state", equalTo("ANNOUNCED"))
                .extract().jsonPath().getLong("auctionId");
    }

    private static long placed(DemoUser bidder, long auction, long price, long quantity) {
        return post(bidder, AUCTIONS + "/" + auction + "/bids", bid(price, quantity)).statusCode(201)
                .body("bidder", equalTo(bidder.partyId())).extract().jsonPath().getLong("bidId");
    }

    /** An auction of CEA-2025 whose bid window opens at the tests' morning and lasts {@code window}. */
    private static Map<String, Object> announcement(DemoUser seller, long quantity, long reserve, Duration window) {
        Map<String, Object> body = new HashMap<>();
        body.put("seller", seller.partyId());
        body.put("instrument", "CEA-2025");
        body.put("quantity", quantity);
        body.put("reservePriceFen", reserve);
        body.put("opensAt", MORNING.toString());
        body.put("closesAt", MORNING.plus(window).toString());
        return body;
    }

    private static Map<String, Object> bid(long price, long quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("priceFen", price);
        body.put("quantity", quantity);
        return body;
    }
}
