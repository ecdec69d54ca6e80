package cn.carbonmarket.allocation.auction;

import static cn.carbonmarket.allocation.auction.AuctionFixtures.AUCTIONEER;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.AUCTIONS;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.DB;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.INSTRUCTIONS;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.RESULTS;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.announced;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.as;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.auctionOf;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.booked;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.closed;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.outboxed;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.prepare;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.refused;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.scheduled;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.status;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.traded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.allocation.reserve.ReserveRule;
import cn.carbonmarket.allocation.reserve.ReserveRules;
import cn.carbonmarket.testing.DemoUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A primary auction through allocation over HTTP, PostgreSQL and Kafka: scheduled, prepared (reserve price from the
 * closes allocation recorded, the stability reserve's release and withholding), its supply answered by the registry,
 * announced and closed by the exchange, its result published once, its returns booked. The registry's and the
 * exchange's events are published by hand on the test topics, as those services publish them.
 */
@QuarkusTest
class AuctionFlowTest {

    private static final ReserveRule CN_2022 = ReserveRules.load(new ObjectMapper()).of("CN-2022").orElseThrow();
    private static final String E1 = DemoUser.ENTITY_1.partyId();
    private static final String I1 = DemoUser.INVESTOR_1.partyId();

    private static long trigger(String opensAt) {
        return CN_2022.costContainment().price().atYear(year(opensAt));
    }

    private static long floor(String opensAt) {
        return CN_2022.emissionsContainment().price().atYear(year(opensAt));
    }

    private static int year(String instant) {
        return LocalDate.ofInstant(Instant.parse(instant), ZoneId.of("Asia/Shanghai")).getYear();
    }

    private static long auctionId() {
        return ThreadLocalRandom.current().nextLong(1L << 33, 1L << 52);
    }

    @Test
    void aClearedAuctionAboveTheTriggerSellsPartOfTheReleaseAndReturnsTheRestToTheReserve() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        String instrument = period.instrument();
        // the reserve holds 50,000 t of the instrument (set aside before, booked)
        DB.update("insert into reserve_movement (movement_id, jurisdiction, instrument, kind, tonnes, reason, status,"
                + " period_id, recorded_at, booked_at, updated_at) values (?, 'CN', ?, 'SET_ASIDE', 50000,"
                + " 'STABILISATION_SHARE', 'BOOKED', ?, now(), now(), now())", "SETASIDE-test-" + instrument,
                instrument, period.periodId());
        // closes: (5,000 x 100 + 5,200 x 100) / 200 = 5,100; 5,000; 5,300; 0.8 x 15,400 / 3 = 4,106.67 -> 4,107
        traded(instrument, 3, 5_000, 100);
        traded(instrument, 3, 5_200, 100);
        traded(instrument, 2, 5_000, 10);
        traded(instrument, 1, 5_300, 10);

        String ref = scheduled(period.periodId(), 100, 24);
        assertThat(ref).isEqualTo(period.periodId() + "-A01");
        String opensAt = auctionOf(period.periodId(), ref).statusCode(200).body("status", equalTo("SCHEDULED"))
                .body("volumeTonnes", equalTo(100_000)).body("lotTonnes", equalTo(1_000))
                .body("bidderCapShare", equalTo(0.25f)).body("eligibleTypes", hasSize(2))
                .body("preparation", nullValue()).extract().path("opensAt");
        long trigger = trigger(opensAt);
        long floor = floor(opensAt);

        prepare(period.periodId(), ref).statusCode(200).body("status", equalTo("SUPPLYING"))
                .body("preparation.reservePriceFen", equalTo(4_107)).body("preparation.priceFloorFen", equalTo(2_000))
                .body("preparation.averageCloseFen", equalTo(5133.33f)).body("preparation.closesUsed", equalTo(3))
                .body("preparation.tradingDays", equalTo(20)).body("preparation.bidderCapTonnes", equalTo(25_000))
                .body("preparation.costContainment.triggerFen", equalTo((int) trigger))
                .body("preparation.costContainment.releaseTonnes", equalTo(10_000))
                .body("preparation.emissionsContainment.floorFen", equalTo((int) floor))
                .body("preparation.emissionsContainment.withholdTonnes", equalTo(10_000))
                .body("preparation.preparedBy", equalTo("regulator"))
                .body("supply.instructionId", equalTo("AUCSUP-" + ref));
        prepare(period.periodId(), ref).statusCode(200).body("status", equalTo("SUPPLYING"));
        assertThat(outboxed("AuctionSupply", "AUCSUP-" + ref)).isEqualTo(1);
        INSTRUCTIONS.await(r -> r.key().equals("AUCSUP-" + ref) && r.value().contains("\"AuctionSupply\"")
                && r.value().contains("\"fromIssuanceTonnes\":100000")
                && r.value().contains("\"fromReserveTonnes\":10000"), Duration.ofSeconds(30));
        as(DemoUser.REGULATOR).get("/api/v1/stability-reserve/CN").then().statusCode(200)
                .body("balances.find { it.instrument == '" + instrument + "' }.balanceTonnes", equalTo(50_000))
                .body("balances.find { it.instrument == '" + instrument + "' }.pendingReleaseTonnes", equalTo(10_000))
                .body("balances.find { it.instrument == '" + instrument + "' }.availableTonnes", equalTo(40_000));

        // the registry books the supply: issue, reserve release, into trading (twice: redelivered)
        booked("AUCTION_DELIVERY", "AUCSUP-" + ref + "/ISSUE");
        String release = booked("RESERVE_RELEASE", "AUCSUP-" + ref + "/RESERVE");
        String supply = booked("TO_TRADING", "AUCSUP-" + ref);
        booked("TO_TRADING", "AUCSUP-" + ref);
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_TRADING".equals(status(ref)));
        AUCTIONS.await(r -> r.key().equals(ref) && r.value().contains("\"PrimaryAuctionRequested\"")
                && r.value().contains("\"seller\":\"" + AUCTIONEER + "\"")
                && r.value().contains("\"instrument\":\"" + instrument + "\"")
                && r.value().contains("\"lotTonnes\":1000") && r.value().contains("\"volumeTonnes\":100000")
                && r.value().contains("\"reservePriceFen\":4107") && r.value().contains("\"bidderCapTonnes\":25000")
                && r.value().contains("\"costContainment\":{\"triggerPriceFen\":" + trigger
                        + ",\"releaseTonnes\":10000}")
                && r.value().contains("\"emissionsContainment\":{\"floorPriceFen\":" + floor
                        + ",\"withholdTonnes\":10000}"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from reserve_movement"
                + " where movement_id = ? and status = 'BOOKED' and transaction_id = ?::uuid", ref + "-CCR_RELEASE",
                release) == 1);
        assertThat(outboxed("PrimaryAuctionRequested", ref)).isEqualTo(1);
        auctionOf(period.periodId(), ref).body("supply.transactionId", equalTo(supply));

        long exchangeId = auctionId();
        announced(exchangeId, ref, instrument);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ANNOUNCED".equals(status(ref)));

        // 13,000 >= the trigger: 106,000 sold = V + 6,000 of the release; sent twice
        List<Map.Entry<String, Long>> winners = List.of(Map.entry(E1, 60_000L), Map.entry(I1, 46_000L));
        closed(exchangeId, ref, instrument, "CLEARED", 13_000L, 110_000, 106_000, 120_000, winners);
        closed(exchangeId, ref, instrument, "CLEARED", 13_000L, 110_000, 106_000, 120_000, winners);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNING".equals(status(ref)));
        RESULTS.await(r -> r.key().equals(ref) && r.value().contains("\"outcome\":\"CLEARED\"")
                && r.value().contains("\"clearingPriceFen\":13000") && r.value().contains("\"soldTonnes\":106000")
                && r.value().contains("\"coverRatio\":1.20") && r.value().contains("\"revenueFen\":1378000000")
                && r.value().contains("\"amountFen\":780000000")
                && r.value().contains("\"releaseId\":\"" + ref + "-CCR_NOT_RELEASED\"")
                && r.value().contains("\"destination\":\"STABILITY_RESERVE-CN\"")
                && r.value().contains("\"tonnes\":4000"), Duration.ofSeconds(30));
        assertThat(outboxed("AuctionResult", ref)).isEqualTo(1);
        auctionOf(period.periodId(), ref).body("tradingAuctionId", equalTo(exchangeId))
                .body("result.winners", hasSize(2)).body("result.returns", hasSize(1))
                .body("result.returns[0].status", equalTo("PENDING"));
        assertThat(DB.texts("select kind || ' ' || tonnes || ' ' || status || ' ' || clearing_price_fen || ' '"
                + " || threshold_fen from reserve_movement where auction_ref = ? order by recorded_at", ref))
                .containsExactly("RELEASE 10000 BOOKED 13000 " + trigger, "INTAKE 4000 PENDING 13000 " + trigger);

        // each participant reads its own outcome only
        as(DemoUser.ENTITY_1).get("/api/v1/auction-results/" + ref + "/mine").then().statusCode(200)
                .body("won", equalTo(true)).body("tonnes", equalTo(60_000)).body("amountFen", equalTo(780_000_000))
                .body("partyId", equalTo(E1)).body("clearingPriceFen", equalTo(13_000));
        as(DemoUser.INVESTOR_1).get("/api/v1/auction-results/" + ref + "/mine").then().statusCode(200)
                .body("tonnes", equalTo(46_000)).body("amountFen", equalTo(598_000_000));
        as(DemoUser.ENTITY_2).get("/api/v1/auction-results/" + ref + "/mine").then().statusCode(200)
                .body("won", equalTo(false)).body("tonnes", equalTo(0)).body("amountFen", equalTo(0));
        as(DemoUser.REGULATOR).get("/api/v1/auction-results/" + ref + "/mine").then().statusCode(403);

        // the registry books the return into the reserve: the auction is complete
        String intake = booked("RESERVE_INTAKE", ref + "-CCR_NOT_RELEASED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(ref)));
        auctionOf(period.periodId(), ref).body("result.returns[0].status", equalTo("BOOKED"))
                .body("result.returns[0].transactionId", equalTo(intake));
        // 50,000 - 10,000 released + 4,000 back = 44,000, readable by a participant too
        as(DemoUser.ENTITY_1).get("/api/v1/stability-reserve/CN").then().statusCode(200)
                .body("account", equalTo("STABILITY_RESERVE-CN"))
                .body("balances.find { it.instrument == '" + instrument + "' }.balanceTonnes", equalTo(44_000))
                .body("movements.find { it.movementId == '" + ref + "-CCR_NOT_RELEASED' }.transactionId",
                        equalTo(intake));
        as(DemoUser.REGULATOR).get("/api/v1/auction-calendar/" + period.periodId()).then().statusCode(200)
                .body("auctions", hasSize(1)).body("auctions[0].status", equalTo("COMPLETED"))
                .body("revenueFen", equalTo(1_378_000_000)).body("soldTonnes", equalTo(106_000));
    }

    @Test
    void aCancelledAuctionGoesBackToIssuanceAndIsCarriedOverTheNextFourScheduled() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        String instrument = period.instrument();
        String first = scheduled(period.periodId(), 10, 24);
        List<String> later = List.of(scheduled(period.periodId(), 5, 48), scheduled(period.periodId(), 5, 72),
                scheduled(period.periodId(), 5, 96), scheduled(period.periodId(), 5, 120),
                scheduled(period.periodId(), 5, 144));
        assertThat(later.get(4)).isEqualTo(period.periodId() + "-A06");

        // no closes: the floor; an empty reserve: no release; 10% of 10 lots withheld below the floor
        prepare(period.periodId(), first).statusCode(200).body("preparation.reservePriceFen", equalTo(2_000))
                .body("preparation.averageCloseFen", nullValue()).body("preparation.closesUsed", equalTo(0))
                .body("preparation.costContainment.releaseTonnes", equalTo(0))
                .body("preparation.emissionsContainment.withholdTonnes", equalTo(1_000))
                .body("preparation.bidderCapTonnes", equalTo(2_000));
        booked("TO_TRADING", "AUCSUP-" + first);
        AUCTIONS.await(r -> r.key().equals(first) && r.value().contains("\"volumeTonnes\":10000")
                && r.value().contains("\"costContainment\":null")
                && r.value().contains("\"withholdTonnes\":1000"), Duration.ofSeconds(30));
        long exchangeId = auctionId();
        announced(exchangeId, first, instrument);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ANNOUNCED".equals(status(first)));

        closed(exchangeId, first, instrument, "CANCELLED", null, 10_000, 0, 3_000, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNING".equals(status(first)));
        RESULTS.await(r -> r.key().equals(first) && r.value().contains("\"outcome\":\"CANCELLED\"")
                && r.value().contains("\"clearingPriceFen\":null") && r.value().contains("\"coverRatio\":0.30")
                && r.value().contains("\"releaseId\":\"" + first + "-UNSOLD_CARRIED_OVER\"")
                && r.value().contains("\"destination\":\"NATIONAL_ISSUANCE-CN\""), Duration.ofSeconds(30));
        // 10 lots over the next four: 2 each, the 2 left over to the earliest; the fifth later auction gets none
        as(DemoUser.REGULATOR).get("/api/v1/auction-calendar/" + period.periodId()).then().statusCode(200)
                .body("auctions.find { it.auctionRef == '" + first + "' }.carriedOut.lots", equalTo(List.of(4, 2, 2, 2)))
                .body("auctions.find { it.auctionRef == '" + later.get(0) + "' }.volumeTonnes", equalTo(9_000))
                .body("auctions.find { it.auctionRef == '" + later.get(0) + "' }.carriedIn[0].fromRef",
                        equalTo(first))
                .body("auctions.find { it.auctionRef == '" + later.get(1) + "' }.volumeTonnes", equalTo(7_000))
                .body("auctions.find { it.auctionRef == '" + later.get(3) + "' }.carriedInLots", equalTo(2))
                .body("auctions.find { it.auctionRef == '" + later.get(4) + "' }.carriedInLots", equalTo(0))
                .body("revenueFen", equalTo(0)).body("waitingCarryOverLots", equalTo(0));
        assertThat(DB.count("select count(*) from reserve_movement where auction_ref = ?", first)).isZero();

        booked("AUCTION_RETURN", first + "-UNSOLD_CARRIED_OVER");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(first)));

        // withdrawing the next one passes its 4 carried lots on, 1 to each of the next four
        as(DemoUser.REGULATOR).delete("/api/v1/auction-calendar/" + period.periodId() + "/auctions/" + later.get(0))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("carriedOut.lots",
                        equalTo(List.of(1, 1, 1, 1)));
        auctionOf(period.periodId(), later.get(4)).body("carriedIn[0].fromRef", equalTo(later.get(0)))
                .body("volumeTonnes", equalTo(6_000));
        as(DemoUser.REGULATOR).delete("/api/v1/auction-calendar/" + period.periodId() + "/auctions/" + later.get(0))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(DemoUser.REGULATOR).delete("/api/v1/auction-calendar/" + period.periodId() + "/auctions/" + first)
                .then().statusCode(409).body("code", equalTo("AUCTION_PREPARED"));
        prepare(period.periodId(), later.get(0)).statusCode(409).body("code", equalTo("AUCTION_WITHDRAWN"));
    }

    @Test
    void aDueAuctionIsPreparedByTheJobAndARefusedSupplyIsPreparedAgain() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        // opens in 40 minutes: within the pack's hour of lead, so the job prepares it
        String ref = scheduled(period.periodId(), 3, 40.0 / 60);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUPPLYING".equals(status(ref)));
        auctionOf(period.periodId(), ref).body("preparation.preparedBy", equalTo("auto-preparation"));
        INSTRUCTIONS.await(r -> r.key().equals("AUCSUP-" + ref) && r.value().contains("\"fromIssuanceTonnes\":3000"),
                Duration.ofSeconds(30));

        refused("AUCSUP-" + ref, "ACCOUNT_FROZEN");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUPPLY_REFUSED".equals(status(ref)));
        auctionOf(period.periodId(), ref).body("supply.refusalCode", equalTo("ACCOUNT_FROZEN"));
        // the job leaves a refused auction alone; the regulator prepares it again under the same instruction id
        prepare(period.periodId(), ref).statusCode(200).body("status", equalTo("SUPPLYING"))
                .body("supply.refusalCode", nullValue()).body("preparation.preparedBy", equalTo("regulator"));
        assertThat(outboxed("AuctionSupply", "AUCSUP-" + ref)).isEqualTo(2);
        booked("TO_TRADING", "AUCSUP-" + ref);
        refused("AUCSUP-" + ref, "LATE_REFUSAL");
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_TRADING".equals(status(ref)));
        AUCTIONS.await(r -> r.key().equals(ref) && r.value().contains("\"volumeTonnes\":3000")
                && r.value().contains("\"emissionsContainment\":null"), Duration.ofSeconds(30));
        // a refusal arriving after the booking changes nothing
        booked("AUCTION_DELIVERY", "AUCSUP-" + ref + "/ISSUE");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> "IN_TRADING".equals(status(ref)));
        auctionOf(period.periodId(), ref).body("supply.refusalCode", nullValue())
                .body("supply.transactionId", containsString("-"));
    }
}
