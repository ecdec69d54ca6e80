package cn.carbonmarket.trading.block;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.block.Calls.get;
import static cn.carbonmarket.trading.block.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.risk.Funding;
import io.restassured.path.json.JsonPath;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.order.EmptyJournal;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block agreement offers over HTTP with real tokens, in the afternoon block session of 2026-11-25. */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class BlockOfferTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    /** 13:30 in Shanghai. */
    private static final Instant BLOCK_SESSION = Instant.parse("2026-11-25T05:30:00Z");
    private static final String OFFERS = "/api/v1/block-offers";
    private static final RiskRules RISK = TradingRulePack.load(new ObjectMapper()).risk(Jurisdiction.CN)
            .orElseThrow();

    @Inject
    Clock clock;

    @Inject
    RecordedTrades trades;

    @Inject
    BlockDesk desk;

    private final Database database = new Database("trading");

    @BeforeEach
    void inTheBlockSessionWithFundedTraders() {
        ((ManualClock) clock).set(BLOCK_SESSION);
        Funding.everyone();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void onlyTheAddresseeAcceptsAndTheTradePrintsOnceAtTheOfferedTerms() {
        long offer = posted(DemoUser.ENTITY_1, offer("CEA-2025", "SELL", 150_000, 10_500, DemoUser.ENTITY_2));

        get(DemoUser.INVESTOR_1, OFFERS).statusCode(200).body("offerId", not(hasItem((int) offer)));
        get(DemoUser.INVESTOR_1, OFFERS + "/" + offer).statusCode(404).body("code", equalTo("OFFER_NOT_FOUND"));
        get(DemoUser.ENTITY_2, OFFERS).statusCode(200).body("offerId", hasItem((int) offer));
        post(DemoUser.INVESTOR_1, OFFERS + "/" + offer + "/acceptance").statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_ADDRESSEE"));
        post(DemoUser.ENTITY_1, OFFERS + "/" + offer + "/acceptance").statusCode(422)
                .body("code", equalTo("OWN_OFFER"));
        post(DemoUser.OPERATOR, OFFERS + "/" + offer + "/acceptance").statusCode(403);

        String tradeId = "CEA-2025-BLOCK-" + offer;
        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("acceptedBy", equalTo(DemoUser.ENTITY_2.partyId()))
                .body("tradeId", equalTo(tradeId)).body("closedAt", equalTo(BLOCK_SESSION.toString()));
        assertThat(trades.withIdStartingWith(tradeId)).containsExactly(new OffBookTrade(tradeId,
                TradeMode.BLOCK, cn.carbonmarket.contracts.unit.InstrumentCode.parse("CEA-2025"),
                PartyId.parse(DemoUser.ENTITY_2.partyId()), PartyId.parse(DemoUser.ENTITY_1.partyId()), 150_000,
                10_500, BLOCK_SESSION));

        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(409)
                .body("code", equalTo("OFFER_NOT_OPEN"));
        post(DemoUser.ENTITY_1, OFFERS + "/" + offer + "/withdrawal").statusCode(409)
                .body("code", equalTo("OFFER_NOT_OPEN"));
        assertThat(trades.withIdStartingWith(tradeId)).hasSize(1);
        get(DemoUser.OPERATOR, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("ACCEPTED"));
        get(DemoUser.REGULATOR, OFFERS).statusCode(200).body("offerId", hasItem((int) offer));
    }

    @Test
    void ofRacingAcceptancesOfAnOfferOpenToAllExactlyOneWins() throws Exception {
        long offer = posted(DemoUser.INVESTOR_1, offer("CEA-2024", "BUY", 200_000, 9_000, null));
        get(DemoUser.ENTITY_1, OFFERS).statusCode(200).body("offerId", hasItem((int) offer));
        get(DemoUser.ENTITY_2, OFFERS + "/" + offer).statusCode(200).body("addressee", nullValue());

        List<DemoUser> takers = List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () ->
                    post(takers.get(i % 2), OFFERS + "/" + offer + "/acceptance").extract().statusCode()).toList();
            List<Integer> statuses = pool.invokeAll(calls).stream().map(BlockOfferTest::join).toList();
            assertThat(statuses).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        List<OffBookTrade> printed = trades.withIdStartingWith("CEA-2024-BLOCK-" + offer);
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0).buyer()).isEqualTo(PartyId.parse(DemoUser.INVESTOR_1.partyId()));
        assertThat(database.count("select count(*) from block_offer where id = ? and state = 'ACCEPTED'"
                + " and accepted_by = ?::uuid", offer, printed.get(0).seller().toString())).isEqualTo(1);
        // Once taken, the offer is no longer open to all: the party that lost the race no longer sees it.
        DemoUser loser = printed.get(0).seller().toString().equals(DemoUser.ENTITY_1.partyId())
                ? DemoUser.ENTITY_2 : DemoUser.ENTITY_1;
        get(loser, OFFERS + "/" + offer).statusCode(404);
    }

    @Test
    void thePosterWithdrawsItsOwnOpenOfferOnly() {
        long offer = posted(DemoUser.ENTITY_2, offer("CCER-2025", "SELL", 100_000, 8_000, DemoUser.INVESTOR_1));
        post(DemoUser.INVESTOR_1, OFFERS + "/" + offer + "/withdrawal").statusCode(403)
                .body("code", equalTo("NOT_POSTER"));
        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/withdrawal").statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        post(DemoUser.INVESTOR_1, OFFERS + "/" + offer + "/acceptance").statusCode(409)
                .body("code", equalTo("OFFER_NOT_OPEN"));
        assertThat(trades.withIdStartingWith("CCER-2025-BLOCK-" + offer)).isEmpty();
    }

    @Test
    void anOfferExpiresAtTheEndOfItsBlockSession() throws Throwable {
        ((ManualClock) clock).set(Instant.parse("2026-11-25T06:59:00Z"));
        long offer = posted(DemoUser.ENTITY_1, offer("CEA-2025", "BUY", 100_000, 10_000, null));
        get(DemoUser.ENTITY_1, OFFERS + "/" + offer).statusCode(200)
                .body("expiresAt", equalTo("2026-11-25T07:00:00Z"));

        ((ManualClock) clock).set(Instant.parse("2026-11-25T07:00:00Z"));
        get(DemoUser.ENTITY_1, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("EXPIRED"));
        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION"));
        post(DemoUser.ENTITY_1, OFFERS + "/" + offer + "/withdrawal").statusCode(409)
                .body("code", equalTo("OFFER_NOT_OPEN"));

        VertxContextSupport.subscribeAndAwait(desk::expire);
        assertThat(database.count("select count(*) from block_offer where id = ? and state = 'EXPIRED'"
                + " and closed_at = expires_at", offer)).isEqualTo(1);
    }

    @Test
    void everyBlockRuleRefusesWithItsCodeAndWritesNothing() {
        String poster = DemoUser.INDIVIDUAL_1.partyId();
        long before = database.count("select count(*) from block_offer where poster = ?::uuid", poster);

        refused(offer("CEA-2025", "SELL", 99_999, 10_000, null), 422, "BELOW_BLOCK_THRESHOLD");
        refused(offer("CEA-2025", "SELL", 100_000, 13_001, null), 422, "OUTSIDE_BLOCK_BAND");
        refused(offer("CEA-2025", "BUY", 100_000, 6_999, null), 422, "OUTSIDE_BLOCK_BAND");
        refused(offer("CEA-2025", "BUY", 100_000, 10_000, DemoUser.INDIVIDUAL_1), 422, "ADDRESSED_TO_SELF");
        refused(offer("CEA-2030", "BUY", 100_000, 10_000, null), 404, "INSTRUMENT_NOT_LISTED");
        refused(offer("CEA-1999", "BUY", 100_000, 10_000, null), 400, "VALIDATION_FAILED");
        Map<String, Object> badAddressee = offer("CEA-2025", "BUY", 100_000, 10_000, null);
        badAddressee.put("addressee", "someone");
        refused(badAddressee, 400, "VALIDATION_FAILED");
        ((ManualClock) clock).set(MORNING);
        refused(offer("CEA-2025", "BUY", 100_000, 10_000, null), 422, "OUTSIDE_SESSION");
        post(DemoUser.OPERATOR, OFFERS, offer("CEA-2025", "BUY", 100_000, 10_000, null)).statusCode(403);

        assertThat(database.count("select count(*) from block_offer where poster = ?::uuid", poster))
                .isEqualTo(before);
    }

    @Test
    void theBandsEdgesAndTheThresholdItselfAreAllowed() {
        long low = posted(DemoUser.INDIVIDUAL_1, offer("CEA-2025", "BUY", 100_000, 7_000, null));
        long high = posted(DemoUser.INDIVIDUAL_1, offer("CEA-2025", "SELL", 100_000, 13_000, null));
        get(DemoUser.INDIVIDUAL_1, OFFERS).statusCode(200).body("offerId", hasItem((int) low))
                .body("offerId", hasItem((int) high));
        post(DemoUser.INDIVIDUAL_1, OFFERS + "/" + low + "/withdrawal").statusCode(200);
        post(DemoUser.INDIVIDUAL_1, OFFERS + "/" + high + "/withdrawal").statusCode(200);
    }

    @Test
    void aHaltedInstrumentTakesNoBlockOffersNorAcceptances() {
        long offer = posted(DemoUser.ENTITY_1, offer("CEA-2026", "SELL", 100_000, 10_000, DemoUser.ENTITY_2));
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2026/halt").statusCode(200);
        try {
            refused(offer("CEA-2026", "SELL", 100_000, 10_000, null), 422, "INSTRUMENT_HALTED");
            post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(422)
                    .body("code", equalTo("INSTRUMENT_HALTED"));
            get(DemoUser.ENTITY_2, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("OPEN"));
        } finally {
            post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2026/resume").statusCode(200);
        }
        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(200)
                .body("state", equalTo("ACCEPTED"));
    }

    @Test
    void acceptanceWithoutTheBuyersCashIsRefusedAndTheOfferStaysOpen() {
        long offer = posted(DemoUser.ENTITY_1, offer("CEA-2025", "SELL", 100_000, 10_000, DemoUser.INDIVIDUAL_1));
        Funding.cash(DemoUser.INDIVIDUAL_1, 1_000_000_000L); // value alone: 100,000 t x 100.00 CNY, no fee
        long sellerUnits = balance(DemoUser.ENTITY_1, "CEA-2025", "balance");

        post(DemoUser.INDIVIDUAL_1, OFFERS + "/" + offer + "/acceptance").statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_CASH"));

        get(DemoUser.ENTITY_1, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("OPEN"));
        assertThat(balance(DemoUser.INDIVIDUAL_1, "CNY", "balance")).isEqualTo(1_000_000_000L);
        assertThat(balance(DemoUser.ENTITY_1, "CEA-2025", "balance")).isEqualTo(sellerUnits);
        assertThat(trades.withIdStartingWith("CEA-2025-BLOCK-" + offer)).isEmpty();
    }

    @Test
    void acceptanceWithoutTheSellersUnitsIsRefused() {
        long offer = posted(DemoUser.INVESTOR_1, offer("CEA-2026", "BUY", 100_000, 10_000, DemoUser.ENTITY_2));
        Funding.units(DemoUser.ENTITY_2, "CEA-2026", 99_999);

        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(422)
                .body("code", equalTo("INSUFFICIENT_UNITS"));
        get(DemoUser.INVESTOR_1, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("OPEN"));
    }

    @Test
    void anAcceptedBlockTradeMovesBothBalancesIsPublishedWithFeesAndCountsInVolumeOnly() {
        JsonPath before = statistics("CCER-2025");
        long buyerCash = balance(DemoUser.INVESTOR_1, "CNY", "balance");
        long sellerCash = balance(DemoUser.ENTITY_2, "CNY", "balance");
        long offer = posted(DemoUser.ENTITY_2, offer("CCER-2025", "SELL", 100_000, 8_000, DemoUser.INVESTOR_1));

        post(DemoUser.INVESTOR_1, OFFERS + "/" + offer + "/acceptance").statusCode(200)
                .body("state", equalTo("ACCEPTED"));

        String tradeId = "CCER-2025-BLOCK-" + offer;
        var event = new KafkaTopic("trading.trades").await(r -> r.value().contains("\"tradeId\":\"" + tradeId + "\""),
                Duration.ofSeconds(30));
        assertThat(event.key()).isEqualTo("CCER-2025");
        String json = event.value();
        assertThat(json).contains("\"type\":\"TradeExecuted\"", "\"mode\":\"BLOCK\"", "\"quantity\":100000",
                "\"priceFen\":8000", "\"buyerPartyId\":\"" + DemoUser.INVESTOR_1.partyId() + "\"",
                "\"sellerPartyId\":\"" + DemoUser.ENTITY_2.partyId() + "\"");
        long buyerFee = fee(json, "buyerFeeFen");
        long sellerFee = fee(json, "sellerFeeFen");
        assertThat(buyerFee).isPositive();
        assertThat(sellerFee).isPositive();
        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "balance")).isEqualTo(buyerCash - 800_000_000L - buyerFee);
        assertThat(balance(DemoUser.INVESTOR_1, "CCER-2025", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS + 100_000);
        assertThat(balance(DemoUser.ENTITY_2, "CNY", "balance")).isEqualTo(sellerCash + 800_000_000L - sellerFee);
        assertThat(balance(DemoUser.ENTITY_2, "CCER-2025", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS - 100_000);

        JsonPath after = awaitStatistics("CCER-2025", before.getLong("volume") + 100_000);
        assertThat(after.getLong("lastFen")).as("a block trade does not form the price")
                .isEqualTo(before.getLong("lastFen"));
    }

    @Test
    void aBlockTradeThatTakesTheBuyerAcrossTheLargeTraderLineIsReportedOnce() {
        Funding.units(DemoUser.INVESTOR_1, "CEA-2025", RISK.largeTraderThreshold() - 50_000);
        long crossing = posted(DemoUser.ENTITY_1, offer("CEA-2025", "SELL", 100_000, 10_000, DemoUser.INVESTOR_1));
        long beyond = posted(DemoUser.ENTITY_1, offer("CEA-2025", "SELL", 100_000, 10_000, DemoUser.INVESTOR_1));

        post(DemoUser.INVESTOR_1, OFFERS + "/" + crossing + "/acceptance").statusCode(200);
        post(DemoUser.INVESTOR_1, OFFERS + "/" + beyond + "/acceptance").statusCode(200);

        String tradeId = "CEA-2025-BLOCK-" + crossing;
        var report = new KafkaTopic("trading.surveillance").await(r -> r.value().contains("LargeTraderReported")
                && r.value().contains("\"tradeId\":\"" + tradeId + "\""), Duration.ofSeconds(30));
        assertThat(report.key()).isEqualTo(DemoUser.INVESTOR_1.partyId());
        assertThat(report.value()).contains("\"holding\":" + (RISK.largeTraderThreshold() + 50_000),
                "\"thresholdTonnes\":" + RISK.largeTraderThreshold());
        assertThat(largeTraderReports("CEA-2025-BLOCK-" + crossing)).as("one report for the crossing").isEqualTo(1);
        assertThat(largeTraderReports("CEA-2025-BLOCK-" + beyond)).as("none once beyond the line").isZero();
    }

    @Test
    void anAcceptanceBeyondTheBuyersPositionLimitIsRefusedAndChangesNothing() {
        Funding.units(DemoUser.INVESTOR_1, "CEA-2024", RISK.positionLimit() - 99_999);
        long offer = posted(DemoUser.ENTITY_2, offer("CEA-2024", "SELL", 100_000, 9_000, DemoUser.INVESTOR_1));
        long buyerCash = balance(DemoUser.INVESTOR_1, "CNY", "balance");
        long sellerCash = balance(DemoUser.ENTITY_2, "CNY", "balance");

        post(DemoUser.INVESTOR_1, OFFERS + "/" + offer + "/acceptance").statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("POSITION_LIMIT"));

        get(DemoUser.ENTITY_2, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("OPEN"));
        assertThat(balance(DemoUser.INVESTOR_1, "CEA-2024", "balance")).isEqualTo(RISK.positionLimit() - 99_999);
        assertThat(balance(DemoUser.INVESTOR_1, "CNY", "balance")).isEqualTo(buyerCash);
        assertThat(balance(DemoUser.ENTITY_2, "CEA-2024", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS);
        assertThat(balance(DemoUser.ENTITY_2, "CNY", "balance")).isEqualTo(sellerCash);
        assertThat(trades.withIdStartingWith("CEA-2024-BLOCK-" + offer)).isEmpty();
        assertThat(database.count("select count(*) from trade where trade_id = ?", "CEA-2024-BLOCK-" + offer))
                .isZero();
    }

    private long largeTraderReports(String tradeId) {
        return database.count("select count(*) from outbox_event where event_type = 'LargeTraderReported'"
                + " and envelope like ?", "%\"tradeId\":\"" + tradeId + "\"%");
    }

    private static long fee(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static JsonPath statistics(String instrument) {
        return get(DemoUser.OPERATOR, "/api/v1/instruments/" + instrument + "/statistics").statusCode(200)
                .extract().jsonPath();
    }

    /** Market data records prints in batches: waits until the day's volume reached {@code volume}. */
    private static JsonPath awaitStatistics(String instrument, long volume) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonPath statistics = statistics(instrument);
        while (statistics.getLong("volume") < volume && Instant.now().isBefore(deadline)) {
            pause();
            statistics = statistics(instrument);
        }
        assertThat(statistics.getLong("volume")).isEqualTo(volume);
        return statistics;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void refused(Map<String, Object> body, int status, String code) {
        post(DemoUser.INDIVIDUAL_1, OFFERS, body).statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    private static long posted(DemoUser poster, Map<String, Object> body) {
        return post(poster, OFFERS, body).statusCode(201).body("state", equalTo("OPEN"))
                .body("poster", equalTo(poster.partyId())).extract().jsonPath().getLong("offerId");
    }

    private static Map<String, Object> offer(String instrument, String side, long quantity, long price,
                                             DemoUser addressee) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        body.put("side", side);
        body.put("quantity", quantity);
        body.put("priceFen", price);
        if (addressee != null) {
            body.put("addressee", addressee.partyId());
        }
        return body;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
