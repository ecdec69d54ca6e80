package cn.carbonmarket.allocation.auction;

import static cn.carbonmarket.allocation.auction.AuctionFixtures.DB;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.as;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.auction;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.schedule;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Scheduling an auction: defaults and overrides, the idempotency key, who may, and every bad request refused. */
@QuarkusTest
class AuctionCalendarTest {

    private static long auctionsOf(String periodId) {
        return DB.count("select count(*) from auction where period_id = ?", periodId);
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = auction(10, 24);
        change.accept(body);
        return body;
    }

    @Test
    void theRegulatorSchedulesWithThePacksDefaultsOrItsOwnAndNumbersTheAuctions() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        String first = scheduled(period.periodId(), 10, 24);
        schedule(DemoUser.REGULATOR, period.periodId(), with(b -> {
            b.put("bidderCapShare", 0.5);
            b.put("eligibleTypes", List.of("INDIVIDUAL", "INSTITUTION", "COMPLIANCE_ENTITY"));
        })).statusCode(201).body("auctionRef", equalTo(period.periodId() + "-A02"))
                .body("bidderCapShare", equalTo(0.5f)).body("eligibleTypes", hasSize(3))
                .body("status", equalTo("SCHEDULED")).body("scheduledBy", equalTo("regulator"));
        assertThat(first).isEqualTo(period.periodId() + "-A01");
        as(DemoUser.REGULATOR).get("/api/v1/auction-calendar/" + period.periodId()).then().statusCode(200)
                .body("instrument", equalTo(period.instrument())).body("auctions", hasSize(2))
                .body("auctions.eligibleTypes[0]", equalTo(List.of("COMPLIANCE_ENTITY", "INSTITUTION")))
                .body("revenueFen", equalTo(0));
        ValidatableResponse one = as(DemoUser.REGULATOR).get("/api/v1/auction-calendar/" + period.periodId()
                + "/auctions/" + first).then().statusCode(200);
        Instant opens = Instant.parse(one.extract().path("opensAt"));
        assertThat(Instant.parse((String) one.extract().path("prepareAt"))).isEqualTo(opens.minus(1, ChronoUnit.HOURS));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameAuctionAndOtherTermsUnderItAreAConflict() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        String key = "sched-" + UUID.randomUUID();
        Map<String, Object> body = auction(10, 24);
        String ref = as(DemoUser.REGULATOR).header("Idempotency-Key", key).body(body)
                .post("/api/v1/auction-calendar/" + period.periodId() + "/auctions").then().statusCode(201)
                .extract().path("auctionRef");
        as(DemoUser.REGULATOR).header("Idempotency-Key", key).body(body)
                .post("/api/v1/auction-calendar/" + period.periodId() + "/auctions").then().statusCode(200)
                .body("auctionRef", equalTo(ref));
        body.put("volumeLots", 11);
        as(DemoUser.REGULATOR).header("Idempotency-Key", key).body(body)
                .post("/api/v1/auction-calendar/" + period.periodId() + "/auctions").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(auctionsOf(period.periodId())).isEqualTo(1);
    }

    @Test
    void onlyTheRegulatorSchedulesOrSeesTheCalendarAndAParticipantSeesOnlyItsOwnResult() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        schedule(DemoUser.ENTITY_1, period.periodId(), auction(10, 24)).statusCode(403);
        schedule(DemoUser.OPERATOR, period.periodId(), auction(10, 24)).statusCode(403);
        assertThat(auctionsOf(period.periodId())).isZero();
        String ref = scheduled(period.periodId(), 10, 24);
        as(DemoUser.ENTITY_1).get("/api/v1/auction-calendar/" + period.periodId()).then().statusCode(403);
        as(DemoUser.INVESTOR_1).post("/api/v1/auction-calendar/" + period.periodId() + "/auctions/" + ref
                + "/prepare").then().statusCode(403);
        as(DemoUser.ENTITY_1).delete("/api/v1/auction-calendar/" + period.periodId() + "/auctions/" + ref).then()
                .statusCode(403);
        assertThat(AuctionFixtures.status(ref)).isEqualTo("SCHEDULED");
        as(DemoUser.ENTITY_1).get("/api/v1/auction-results/" + ref + "/mine").then().statusCode(409)
                .body("code", equalTo("RESULT_NOT_PUBLISHED"));
        as(DemoUser.ENTITY_1).get("/api/v1/auction-results/" + period.periodId() + "-A99/mine").then()
                .statusCode(404).body("code", equalTo("AUCTION_NOT_FOUND"));
        as(DemoUser.VERIFIER_1).get("/api/v1/auction-results/" + ref + "/mine").then().statusCode(403);
        as(DemoUser.REGULATOR).get("/api/v1/auction-calendar/" + period.periodId() + "/auctions/"
                + period.periodId() + "-A99").then().statusCode(404);
        as(DemoUser.REGULATOR).get("/api/v1/stability-reserve/XX").then().statusCode(400);
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        String id = period.periodId();
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("volumeLots", 0))).statusCode(400)
                .body("errors.field", hasItem("volumeLots"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("volumeLots", 2.5))).statusCode(400);
        schedule(DemoUser.REGULATOR, id, with(b -> b.remove("closesAt"))).statusCode(400);
        schedule(DemoUser.REGULATOR, id, with(b -> {
            b.put("opensAt", past.toString());
            b.put("closesAt", past.plus(2, ChronoUnit.HOURS).toString());
        })).statusCode(400).body("errors.field", hasItem("opensAt"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("closesAt", b.get("opensAt")))).statusCode(400)
                .body("errors.field", hasItem("closesAt"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("bidderCapShare", 1.5))).statusCode(400)
                .body("errors.field", hasItem("bidderCapShare"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("eligibleTypes", List.of("BANK")))).statusCode(400)
                .body("errors.field", hasItem("eligibleTypes"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("eligibleTypes", List.of()))).statusCode(400)
                .body("errors.field", hasItem("eligibleTypes"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("volumeLots", 90_001))).statusCode(422)
                .body("code", equalTo("AUCTION_TOO_LARGE"));
        schedule(DemoUser.REGULATOR, id, with(b -> b.put("closesAt", Instant.parse((String) b.get("opensAt"))
                .plus(10, ChronoUnit.MINUTES).toString()))).statusCode(422)
                .body("code", equalTo("BID_WINDOW_OUT_OF_BOUNDS"));
        schedule(DemoUser.REGULATOR, "CN-2001-2002", auction(10, 24)).statusCode(404)
                .body("code", equalTo("PERIOD_NOT_FOUND"));
        assertThat(auctionsOf(id)).isZero();
        DB.update("update compliance_period set status = 'CLOSED' where period_id = ?", id);
        schedule(DemoUser.REGULATOR, id, auction(10, 24)).statusCode(409).body("code", equalTo("PERIOD_CLOSED"));
        assertThat(auctionsOf(id)).isZero();
    }
}
