package cn.carbonmarket.trading.auction;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.block.Calls.get;
import static cn.carbonmarket.trading.block.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested.CostContainment;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested.EmissionsContainment;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.block.OffBookTrade;
import cn.carbonmarket.trading.block.RecordedTrades;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.trading.risk.Restart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Allocation's primary auctions at the exchange: the request on allocation.auctions announces once per reference
 * when the seller's units are there, bids keep to lots, eligibility and the bidder cap, and the close clears against
 * the supply curve, publishing AuctionClosed with the winners and recording each allocation as a trade. Each test
 * sells for a seller of its own (a fresh party id), so that no other test's units or reservations count.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class PrimaryAuctionTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final String AUCTIONS = "/api/v1/auctions";
    private static final String INSTRUMENT = "CEA-2025";
    private static final KafkaTopic REQUESTS = new KafkaTopic("allocation.auctions");
    private static final KafkaTopic ANNOUNCEMENTS = new KafkaTopic("trading.auctions");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;
    @Inject
    EventCodec codec;
    @Inject
    RecordedTrades trades;
    @Inject
    Restart restart;

    private final Database database = new Database("trading");

    @BeforeEach
    void tradersAreFundedAndKnownByType() {
        Funding.everyoneKnownByType();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void aRequestIsAnnouncedOnceHoweverOftenItArrivesAndTheAnnouncementIsPublished() throws Exception {
        String seller = UUID.randomUUID().toString();
        Funding.movedIntoTrading(seller, UUID.randomUUID().toString(), INSTRUMENT, 1_500);
        PrimaryAuctionRequested request = request(seller, 1_000, 600, new CostContainment(12_000, 500), null);

        EventEnvelope<PrimaryAuctionRequested> first = envelope(request);
        send(first);
        send(first);
        EventEnvelope<PrimaryAuctionRequested> again = envelope(request);
        send(again);
        awaitProcessed(first);
        awaitProcessed(again);

        assertThat(database.count("select count(*) from auction where auction_ref = ?", request.auctionRef()))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from outbox_event where event_type = 'AuctionAnnounced'"
                + " and envelope like ?", "%\"auctionRef\":\"" + request.auctionRef() + "\"%")).isEqualTo(1);
        long auction = auctionId(request);
        JsonNode announced = payload(ANNOUNCEMENTS.await(r -> r.value().contains("\"type\":\"AuctionAnnounced\"")
                && r.value().contains(request.auctionRef()), Duration.ofSeconds(30)).value());
        assertThat(announced.get("auctionId").asLong()).isEqualTo(auction);
        assertThat(announced.get("seller").asText()).isEqualTo(seller);
        assertThat(announced.get("offeredTonnes").asLong()).as("V + R").isEqualTo(1_500);
        assertThat(announced.get("reservePriceFen").asLong()).isEqualTo(9_000);

        // A window of 10 minutes, shorter than the operator's minimum: the regulator's calendar decides it.
        get(DemoUser.INVESTOR_1, AUCTIONS + "/" + auction).statusCode(200)
                .body("auctionRef", equalTo(request.auctionRef())).body("state", equalTo("ANNOUNCED"))
                .body("quantity", equalTo(1_000)).body("offered", equalTo(1_500)).body("lotTonnes", equalTo(100))
                .body("bidderCapTonnes", equalTo(600))
                .body("eligibleTypes", contains("COMPLIANCE_ENTITY", "INSTITUTION"))
                .body("costContainment.triggerPriceFen", equalTo(12_000))
                .body("costContainment.releaseTonnes", equalTo(500))
                .body("emissionsContainment", nullValue()).body("sold", nullValue()).body("demand", nullValue());
        assertThat(position(seller, "reserved")).as("V + R of the seller's units reserved once").isEqualTo(1_500);
        assertThat(restart.recovered().balances(PartyId.parse(seller))).as("and again after a restart")
                .filteredOn(asset -> asset.asset().equals(INSTRUMENT)).singleElement()
                .satisfies(asset -> assertThat(asset.reserved()).isEqualTo(1_500));
    }

    @Test
    void aRequestWaitsForTheSellersUnitsThatComeOnAnotherTopic() {
        String seller = UUID.randomUUID().toString();
        PrimaryAuctionRequested request = request(seller, 1_000, 600, null, null);
        send(envelope(request));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> database.count(
                "select count(*) from auction where auction_ref = ?", request.auctionRef()) == 0);

        Funding.movedIntoTrading(seller, UUID.randomUUID().toString(), INSTRUMENT, 1_000);
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from auction where auction_ref = ?",
                request.auctionRef()) == 1);
        assertThat(position(seller, "reserved")).isEqualTo(1_000);
    }

    @Test
    void aRequestThatCannotBeAnnouncedGoesToTheDeadLetterTopic() {
        String seller = UUID.randomUUID().toString();
        Funding.movedIntoTrading(seller, UUID.randomUUID().toString(), INSTRUMENT, 1_050);
        PrimaryAuctionRequested notWholeLots = request(seller, 1_050, 600, null, null);
        send(envelope(notWholeLots));
        PrimaryAuctionRequested withoutUnits = request(UUID.randomUUID().toString(), 1_000, 600, null, null);
        send(envelope(withoutUnits));

        KafkaTopic dlq = new KafkaTopic("dlq.trading-service");
        dlq.await(r -> r.value().contains(notWholeLots.auctionRef()), Duration.ofSeconds(30));
        // Given up after the test profile's units-patience (10 s) of tries.
        dlq.await(r -> r.value().contains(withoutUnits.auctionRef()), PATIENCE);
        assertThat(database.count("select count(*) from auction where auction_ref in (?, ?)",
                notWholeLots.auctionRef(), withoutUnits.auctionRef())).isZero();
        assertThat(position(seller, "reserved")).isZero();
    }

    @Test
    void bidsAreWholeLotsFromEligiblePartiesWithinTheCapAndTheClosePublishesTheWinners() throws Exception {
        String seller = UUID.randomUUID().toString();
        long auction = announced(request(seller, 1_000, 600, null, null));
        String bids = AUCTIONS + "/" + auction + "/bids";
        long individualCash = balance(DemoUser.INDIVIDUAL_1, "CNY", "reserved");

        refused(DemoUser.INDIVIDUAL_1, bids, 9_500, 100, "NOT_ELIGIBLE");
        refused(DemoUser.ENTITY_1, bids, 9_500, 150, "LOT_SIZE");
        placed(DemoUser.ENTITY_1, bids, 9_500, 400);
        long entityCash = balance(DemoUser.ENTITY_1, "CNY", "reserved");
        refused(DemoUser.ENTITY_1, bids, 9_200, 300, "ABOVE_BIDDER_CAP");
        assertThat(balance(DemoUser.ENTITY_1, "CNY", "reserved")).as("a refused bid reserves nothing")
                .isEqualTo(entityCash);
        assertThat(balance(DemoUser.INDIVIDUAL_1, "CNY", "reserved")).isEqualTo(individualCash);
        assertThat(database.count("select count(*) from auction_bid where auction_id = ?", auction)).isEqualTo(1);
        placed(DemoUser.ENTITY_1, bids, 9_200, 200);
        placed(DemoUser.INVESTOR_1, bids, 9_200, 500);
        placed(DemoUser.ENTITY_2, bids, 9_000, 600);

        // 9,200 clears 1,000 t: 400 t above; 6 lots left for 2 + 5 lots at the price: 1 and 4 lots rounded down,
        // the lot left to the earlier bid (the same time on the test clock: the lower id, entity-1's).
        JsonNode closed = closed(auction);
        assertThat(closed.get("outcome").asText()).isEqualTo("CLEARED");
        assertThat(closed.get("clearingPriceFen").asLong()).isEqualTo(9_200);
        assertThat(closed.get("offeredTonnes").asLong()).isEqualTo(1_000);
        assertThat(closed.get("soldTonnes").asLong()).isEqualTo(1_000);
        assertThat(closed.get("demandTonnes").asLong()).isEqualTo(1_700);
        assertThat(closed.get("bidders").asInt()).isEqualTo(3);
        assertThat(winners(closed)).containsExactlyInAnyOrder(Map.entry(DemoUser.ENTITY_1.partyId(), 600L),
                Map.entry(DemoUser.INVESTOR_1.partyId(), 400L));
        List<OffBookTrade> printed = trades.withIdStartingWith(INSTRUMENT + "-AUCTION-" + auction + "-");
        assertThat(printed).extracting(OffBookTrade::quantity).containsExactly(400L, 200L, 400L);
        assertThat(printed).allSatisfy(trade -> {
            assertThat(trade.price()).isEqualTo(9_200);
            assertThat(trade.seller().toString()).isEqualTo(seller);
        });
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from trade where trade_id like ?",
                INSTRUMENT + "-AUCTION-" + auction + "-%") == 3);
        get(DemoUser.ENTITY_2, AUCTIONS + "/" + auction + "/result").statusCode(200)
                .body("sold", equalTo(1_000)).body("demand", equalTo(1_700)).body("bids.allocated", contains(0));
        assertThat(position(seller, "balance")).isZero();
        assertThat(position(seller, "reserved")).isZero();
    }

    @Test
    void atTheTriggerPriceTheContainmentVolumeSellsAsFarAsDemandReachesIt() throws Exception {
        String seller = UUID.randomUUID().toString();
        long auction = announced(request(seller, 1_000, 1_000, new CostContainment(12_000, 500), null));
        String bids = AUCTIONS + "/" + auction + "/bids";
        placed(DemoUser.ENTITY_1, bids, 13_000, 800);
        placed(DemoUser.INVESTOR_1, bids, 12_500, 500);
        placed(DemoUser.ENTITY_2, bids, 9_000, 400);

        // 1,300 t at or above the trigger: more than V, short of V + R; the price stops at the trigger.
        JsonNode closed = closed(auction);
        assertThat(closed.get("clearingPriceFen").asLong()).isEqualTo(12_000);
        assertThat(closed.get("offeredTonnes").asLong()).isEqualTo(1_500);
        assertThat(closed.get("soldTonnes").asLong()).isEqualTo(1_300);
        assertThat(winners(closed)).containsExactlyInAnyOrder(Map.entry(DemoUser.ENTITY_1.partyId(), 800L),
                Map.entry(DemoUser.INVESTOR_1.partyId(), 500L));
        assertThat(position(seller, "balance")).as("the 200 t of R that did not sell stay the seller's")
                .isEqualTo(200);
        assertThat(position(seller, "reserved")).isZero();
    }

    @Test
    void belowTheFloorPriceTheWithheldVolumeDoesNotSell() throws Exception {
        String seller = UUID.randomUUID().toString();
        long auction = announced(request(seller, 1_000, 1_000, null, new EmissionsContainment(10_000, 300)));
        String bids = AUCTIONS + "/" + auction + "/bids";
        placed(DemoUser.ENTITY_1, bids, 9_800, 500);
        placed(DemoUser.INVESTOR_1, bids, 9_500, 400);

        JsonNode closed = closed(auction);
        assertThat(closed.get("clearingPriceFen").asLong()).isEqualTo(9_500);
        assertThat(closed.get("soldTonnes").asLong()).as("V - W").isEqualTo(700);
        assertThat(winners(closed)).containsExactlyInAnyOrder(Map.entry(DemoUser.ENTITY_1.partyId(), 500L),
                Map.entry(DemoUser.INVESTOR_1.partyId(), 200L));
        get(DemoUser.OPERATOR, AUCTIONS + "/" + auction).statusCode(200).body("state", equalTo("CLEARED"))
                .body("emissionsContainment.floorPriceFen", equalTo(10_000)).body("sold", equalTo(700))
                .body("demand", equalTo(900));
        assertThat(position(seller, "balance")).isEqualTo(300);
    }

    /** A primary auction of CEA-2025 in lots of 100 t, reserve 9,000 fen, bid window 10 minutes from the morning. */
    private static PrimaryAuctionRequested request(String seller, long volume, long cap, CostContainment ccr,
                                                   EmissionsContainment ecr) {
        return new PrimaryAuctionRequested("AUC-" + UUID.randomUUID(), PartyId.parse(seller),
                InstrumentCode.parse(INSTRUMENT), 100, volume, 9_000, cap,
                Set.of(PartyType.COMPLIANCE_ENTITY, PartyType.INSTITUTION), MORNING,
                MORNING.plus(Duration.ofMinutes(10)), ccr, ecr);
    }

    /** Funds the seller with what the auction offers, sends the request and waits for the announcement. */
    private long announced(PrimaryAuctionRequested request) {
        Funding.movedIntoTrading(request.seller().toString(), UUID.randomUUID().toString(), INSTRUMENT,
                request.offeredTonnes());
        send(envelope(request));
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from auction where auction_ref = ?",
                request.auctionRef()) == 1);
        return auctionId(request);
    }

    /** Closes the auction after its window and answers the payload of its AuctionClosed. */
    private JsonNode closed(long auction) throws Exception {
        ((ManualClock) clock).set(MORNING.plus(Duration.ofMinutes(10)));
        post(DemoUser.OPERATOR, AUCTIONS + "/" + auction + "/close").statusCode(200)
                .body("state", equalTo("CLEARED"));
        return payload(ANNOUNCEMENTS.await(r -> r.key().equals(String.valueOf(auction))
                && r.value().contains("\"type\":\"AuctionClosed\""), Duration.ofSeconds(30)).value());
    }

    private static List<Map.Entry<String, Long>> winners(JsonNode closed) {
        return StreamSupport.stream(closed.get("winners").spliterator(), false)
                .map(w -> Map.entry(w.get("partyId").asText(), w.get("tonnes").asLong())).toList();
    }

    private EventEnvelope<PrimaryAuctionRequested> envelope(PrimaryAuctionRequested request) {
        return EventEnvelope.of(PrimaryAuctionRequested.TYPE, "allocation-service", request.auctionRef(), request,
                Instant.now());
    }

    private void send(EventEnvelope<PrimaryAuctionRequested> event) {
        REQUESTS.send(event.key(), codec.encode(event));
    }

    private void awaitProcessed(EventEnvelope<?> event) {
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from processed_event"
                + " where consumer = ? and event_id = ?", PrimaryAuctionRequests.CONSUMER, event.eventId()) == 1);
    }

    private long auctionId(PrimaryAuctionRequested request) {
        return Long.parseLong(database.texts("select id::text from auction where auction_ref = ?",
                request.auctionRef()).get(0));
    }

    /** A figure of the seller's units in the risk view, as the operator reads every party's positions. */
    private static long position(String party, String field) {
        List<Map<String, Object>> positions = get(DemoUser.OPERATOR, "/api/v1/risk/positions").statusCode(200)
                .extract().jsonPath().getList("$");
        return positions.stream().filter(p -> party.equals(p.get("partyId")) && INSTRUMENT.equals(p.get("asset")))
                .findFirst().map(p -> ((Number) p.get(field)).longValue()).orElse(0L);
    }

    private static JsonNode payload(String envelope) throws Exception {
        return JSON.readTree(envelope).get("payload");
    }

    private static void placed(DemoUser bidder, String bids, long price, long quantity) {
        post(bidder, bids, bid(price, quantity)).statusCode(201);
    }

    private static void refused(DemoUser bidder, String bids, long price, long quantity, String code) {
        post(bidder, bids, bid(price, quantity)).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    private static Map<String, Object> bid(long price, long quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("priceFen", price);
        body.put("quantity", quantity);
        return body;
    }
}
