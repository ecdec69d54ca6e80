package cn.carbonmarket.settlement.units;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.settlement.SettlementFixtures.registryDifference;
import static cn.carbonmarket.settlement.SettlementFixtures.units;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.settlement.TradingStub;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An auction's unsold units leave the auctioneer's position once per release id, by the unit withdrawal's path
 * (trading's hold, UNITS_OUT, UnitsReleased with the destination); a result of another seller or to another place is
 * refused; a return trading does not agree to yet waits for it.
 */
@QuarkusTest
class AuctionReturnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CEA = TradeEvents.CEA;
    private static final String ENTITY_1 = DemoUser.ENTITY_1.partyId();
    private static final String RESERVE = "STABILITY_RESERVE-CN";
    private static final String ISSUANCE = "NATIONAL_ISSUANCE-CN";
    private static final KafkaTopic RESULTS = new KafkaTopic("allocation.auction-results");
    private static final KafkaTopic DEAD_LETTERS = new KafkaTopic("dlq.settlement-service");
    private static final KafkaTopic INSTRUCTIONS = new KafkaTopic("settlement.delivery-instructions");

    private String auctioneer;

    @BeforeEach
    void auctioneerRegistered() {
        auctioneer = SettlementFixtures.auctioneerAdmitted(Jurisdiction.CN);
    }

    private record Return(String releaseId, String destination, long tonnes, String reason) {
    }

    private static String ref() {
        return "CN-2025-" + UUID.randomUUID();
    }

    private static Return returned(String ref, String reason, String destination, long tonnes) {
        return new Return(ref + "-" + reason, destination, tonnes, reason);
    }

    /** An AuctionResult as allocation publishes it, under a new event id. */
    private static String result(String ref, String seller, Return... returns) {
        String lines = Arrays.stream(returns).map(r -> """
                {"releaseId":"%s","destination":"%s","tonnes":%d,"reason":"%s"}"""
                .formatted(r.releaseId(), r.destination(), r.tonnes(), r.reason())).collect(Collectors.joining(","));
        return """
                {"eventId":"%s","type":"AuctionResult","version":1,"occurredAt":"%s","producer":"allocation-service",\
                "key":"%s","payload":{"auctionRef":"%s","periodId":"CN-2025","instrument":"%s","seller":"%s",\
                "outcome":"CLEARED","clearingPriceFen":6000,"reservePriceFen":5000,"volumeTonnes":100,\
                "offeredTonnes":100,"soldTonnes":50,"demandTonnes":50,"coverRatio":0.50,"bidders":1,"winners":[],\
                "revenueFen":300000,"returns":[%s],"closedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), ref, ref, CEA, seller, lines, Instant.now());
    }

    /** The results sent to the dead-letter topic for {@code code}, as /q/metrics counts them. */
    private static double refusedCounted(String code) {
        Matcher m = Pattern.compile("settlement_auction_returns_refused_total\\{[^}]*code=\"" + code
                + "\"[^}]*} ([0-9.]+)").matcher(given().when().get("/q/metrics").then().statusCode(200).extract()
                .asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long releasesPublished(String releaseId) {
        return DB.count("select count(*) from outbox_event where event_type = 'UnitsReleased' and envelope like ?",
                "%\"withdrawalId\":\"" + releaseId + "\"%");
    }

    private static long entries(String releaseId) {
        return DB.count("select count(*) from journal_entry where id = ?", "UNITS_OUT:" + releaseId);
    }

    private static void awaitReleased(String releaseId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> entries(releaseId) == 1);
    }

    @Test
    void eachReturnLeavesTheAuctioneersPositionOnceWithItsDestination() throws Exception {
        TradeEvents.unitsIntoTrading(auctioneer, 100);
        long before = units(auctioneer);
        String ref = ref();
        Return withheld = returned(ref, "ECR_WITHHELD", RESERVE, 30);
        Return notReleased = returned(ref, "CCR_NOT_RELEASED", RESERVE, 20);
        String result = result(ref, auctioneer, withheld, notReleased);

        // Delivered twice, then published again under a new event id; a later auction's result behind them, on the
        // same partition, shows when they have all been read.
        RESULTS.send(ref, result);
        RESULTS.send(ref, result);
        RESULTS.send(ref, result(ref, auctioneer, withheld, notReleased));
        String later = ref();
        Return carriedOver = returned(later, "UNSOLD_CARRIED_OVER", ISSUANCE, 5);
        RESULTS.send(ref, result(later, auctioneer, carriedOver));
        awaitReleased(carriedOver.releaseId());

        assertThat(units(auctioneer)).isEqualTo(before - 30 - 20 - 5);
        for (Return r : List.of(withheld, notReleased, carriedOver)) {
            assertThat(DB.count("select count(*) from journal_entry e cross join unnest(e.transfers) t"
                            + " where e.id = ? and e.state = 'POSTED' and t.debit_kind = 'UNITS' and t.debit_owner = ?"
                            + " and t.credit_kind = 'REGISTRY_UNITS_MIRROR' and t.asset = ? and t.amount = ?",
                    "UNITS_OUT:" + r.releaseId(), auctioneer, CEA, r.tonnes())).isEqualTo(1);
            assertThat(releasesPublished(r.releaseId())).isEqualTo(1);
            ConsumerRecord<String, String> record = INSTRUCTIONS.await(rec -> rec.value().contains(
                    "\"withdrawalId\":\"" + r.releaseId() + "\""), Duration.ofSeconds(30));
            JsonNode event = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(auctioneer);
            assertThat(event.get("type").asText()).isEqualTo("UnitsReleased");
            assertThat(event.at("/payload/partyId").asText()).isEqualTo(auctioneer);
            assertThat(event.at("/payload/instrument").asText()).isEqualTo(CEA);
            assertThat(event.at("/payload/quantity").asLong()).isEqualTo(r.tonnes());
            assertThat(event.at("/payload/destination").asText()).isEqualTo(r.destination());
            assertThat(TradingStub.HOLDS).anySatisfy(hold -> assertThat(hold).contains(
                    "\"holdId\":\"" + r.releaseId() + "\"", "\"partyId\":\"" + auctioneer + "\"",
                    "\"asset\":\"" + CEA + "\"", "\"amount\":" + r.tonnes(),
                    "\"entryId\":\"UNITS_OUT:" + r.releaseId() + "\""));
        }

        assertThat(releasedOnTopic(List.of(withheld, notReleased, carriedOver))).containsOnly(
                Map.entry(withheld.releaseId(), 1L), Map.entry(notReleased.releaseId(), 1L),
                Map.entry(carriedOver.releaseId(), 1L));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when()
                .get("/api/v1/unit-withdrawals/" + withheld.releaseId()).then().statusCode(200)
                .body("partyId", equalTo(auctioneer)).body("quantity", equalTo(30))
                .body("destination", equalTo(RESERVE));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when()
                .get("/api/v1/unit-withdrawals/" + withheld.releaseId()).then().statusCode(403);
    }

    @Test
    void aResultOfAnotherSellerOrToAnotherAccountIsRefusedAndChangesNothing() {
        SettlementFixtures.admitted(DemoUser.ENTITY_1);
        TradeEvents.unitsIntoTrading(ENTITY_1, 10);
        TradeEvents.unitsIntoTrading(auctioneer, 10);
        long entity = units(ENTITY_1);
        long auctioneerUnits = units(auctioneer);
        int holds = TradingStub.HOLDS.size();
        double notAuctioneerCounted = refusedCounted("NOT_AUCTIONEER");
        double unknownDestinationCounted = refusedCounted("UNKNOWN_DESTINATION");
        String notAnAuctioneer = ref();
        String elsewhere = ref();
        String later = ref();

        RESULTS.send(notAnAuctioneer, result(notAnAuctioneer, ENTITY_1,
                returned(notAnAuctioneer, "ECR_WITHHELD", RESERVE, 5)));
        RESULTS.send(elsewhere, result(elsewhere, auctioneer,
                returned(elsewhere, "ECR_WITHHELD", "HOLDING-" + ENTITY_1, 5),
                returned(elsewhere, "CCR_NOT_RELEASED", RESERVE, 5)));
        DEAD_LETTERS.await(r -> r.value().contains(notAnAuctioneer), Duration.ofSeconds(30));
        DEAD_LETTERS.await(r -> r.value().contains(elsewhere), Duration.ofSeconds(30));

        assertThat(units(ENTITY_1)).isEqualTo(entity);
        assertThat(units(auctioneer)).isEqualTo(auctioneerUnits);
        assertThat(DB.count("select count(*) from journal_entry where id like ? or id like ?",
                "UNITS_OUT:" + notAnAuctioneer + "%", "UNITS_OUT:" + elsewhere + "%")).isZero();
        assertThat(DB.count("select count(*) from unit_withdrawal where id like ? or id like ?",
                notAnAuctioneer + "%", elsewhere + "%")).isZero();
        assertThat(TradingStub.HOLDS).hasSize(holds);
        assertThat(refusedCounted("NOT_AUCTIONEER")).isEqualTo(notAuctioneerCounted + 1);
        assertThat(refusedCounted("UNKNOWN_DESTINATION")).isEqualTo(unknownDestinationCounted + 1);

        // The consumer carries on with the results behind them.
        Return next = returned(later, "ECR_WITHHELD", RESERVE, 1);
        RESULTS.send(later, result(later, auctioneer, next));
        awaitReleased(next.releaseId());
    }

    @Test
    void aReturnWaitsWhileTradingRefusesOrDoesNotAnswerAndIsBookedOnceItAgrees() {
        TradeEvents.unitsIntoTrading(auctioneer, 10);
        long before = units(auctioneer);
        String ref = ref();
        Return unsold = returned(ref, "UNSOLD_CARRIED_OVER", ISSUANCE, 10);
        try {
            TradingStub.REFUSED_PARTIES.add(auctioneer);
            RESULTS.send(ref, result(ref, auctioneer, unsold));
            awaitAsked(unsold.releaseId(), 2);
            assertThat(entries(unsold.releaseId())).isZero();
            TradingStub.down = true;
            TradingStub.REFUSED_PARTIES.remove(auctioneer);
            awaitAsked(unsold.releaseId(), asked(unsold.releaseId()) + 2);
            assertThat(entries(unsold.releaseId())).isZero();
        } finally {
            TradingStub.REFUSED_PARTIES.remove(auctioneer);
            TradingStub.down = false;
        }
        awaitReleased(unsold.releaseId());
        assertThat(units(auctioneer)).isEqualTo(before - 10);
        assertThat(releasesPublished(unsold.releaseId())).isEqualTo(1);
    }

    private static long asked(String releaseId) {
        return TradingStub.ASKED.stream().filter(hold -> hold.contains("\"holdId\":\"" + releaseId + "\"")).count();
    }

    private static void awaitAsked(String releaseId, long times) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> asked(releaseId) >= times);
    }

    /**
     * After settlement.auction-returns.retry-for (8 s in tests) the result goes to the dead-letter topic unbooked;
     * sent again once trading agrees, it is booked.
     */
    @Test
    void aReturnTradingKeepsRefusingGoesToTheDeadLetterTopicAndIsBookedWhenSentAgain() {
        TradeEvents.unitsIntoTrading(auctioneer, 10);
        long before = units(auctioneer);
        String ref = ref();
        Return withheld = returned(ref, "ECR_WITHHELD", RESERVE, 10);
        String result = result(ref, auctioneer, withheld);
        double refusedByTrading = refusedCounted("WITHDRAWAL_REFUSED_BY_TRADING");
        try {
            TradingStub.REFUSED_PARTIES.add(auctioneer);
            RESULTS.send(ref, result);
            DEAD_LETTERS.await(r -> r.value().contains(ref), Duration.ofSeconds(30));
        } finally {
            TradingStub.REFUSED_PARTIES.remove(auctioneer);
        }
        assertThat(entries(withheld.releaseId())).isZero();
        assertThat(units(auctioneer)).isEqualTo(before);
        assertThat(refusedCounted("WITHDRAWAL_REFUSED_BY_TRADING")).isEqualTo(refusedByTrading + 1);

        RESULTS.send(ref, result);
        awaitReleased(withheld.releaseId());
        assertThat(units(auctioneer)).isEqualTo(before - 10);
    }

    /** Reconciliation: the registry's booking of the return (its IN_TRADING line) brings the mirror back in line. */
    @Test
    void theBooksAgreeAgainOnceTheRegistryBooksTheReturn() {
        TradeEvents.unitsIntoTrading(auctioneer, 12);
        long before = registryDifference(auctioneer);
        String ref = ref();
        Return unsold = returned(ref, "UNSOLD_CARRIED_OVER", ISSUANCE, 12);

        RESULTS.send(ref, result(ref, auctioneer, unsold));
        awaitReleased(unsold.releaseId());
        assertThat(registryDifference(auctioneer)).isEqualTo(before - 12);

        TradeEvents.unitsOutOfTrading(auctioneer, 12);
        assertThat(registryDifference(auctioneer)).isEqualTo(before);
    }

    /**
     * How many UnitsReleased records of each return the topic holds: it is read from its beginning for 5 s, time
     * enough to reach its end (KafkaTopic.await with a match that never ends the wait).
     */
    private static Map<String, Long> releasedOnTopic(List<Return> returns) {
        Map<String, Long> seen = new HashMap<>();
        try {
            INSTRUCTIONS.await(record -> {
                returns.stream().map(Return::releaseId)
                        .filter(id -> record.value().contains("\"withdrawalId\":\"" + id + "\""))
                        .forEach(id -> seen.merge(id, 1L, Long::sum));
                return false;
            }, Duration.ofSeconds(5));
        } catch (AssertionError readToTheEnd) {
            // the wait ran out: every record was read
        }
        return seen;
    }
}
