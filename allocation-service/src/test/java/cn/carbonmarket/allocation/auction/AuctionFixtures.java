package cn.carbonmarket.allocation.auction;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the auction tests need: a compliance period of their own (pack CN-2022), auctions scheduled over HTTP, and the registry's and the exchange's events as their
 * producers publish them on the test topics.
 */
public final class AuctionFixtures {

    public static final Database DB = new Database("allocation");
    public static final KafkaTopic INSTRUCTIONS = new KafkaTopic("allocation.issuance-instructions");
    static final KafkaTopic AUCTIONS = new KafkaTopic("allocation.auctions");
    static final KafkaTopic RESULTS = new KafkaTopic("allocation.auction-results");
    public static final KafkaTopic REGISTRY = new KafkaTopic("registry.transactions");
    static final KafkaTopic EXCHANGE = new KafkaTopic("trading.auctions");
    static final String AUCTIONEER = SystemParties.auctioneer(Jurisdiction.CN).toString();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private AuctionFixtures() {
    }

    /** A period opened for these tests: its id and the instrument it issues. */
    public record Period(String periodId, String instrument) {
    }

    /**
     * A period CN-<first>-<last> no earlier test opened, ALLOCATING, by pack CN-2022. Its instrument may have been
     * another run's: what earlier runs left of it in the stability reserve and the exchange's closes is forgotten.
     */
    public static Period freshPeriod() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(2030, 2090);
            int last = ThreadLocalRandom.current().nextInt(first + 1, Math.min(2100, first + 60) + 1);
            String periodId = "CN-" + first + "-" + last;
            if (DB.count("select count(*) from compliance_period where period_id = ?", periodId) == 0) {
                String instrument = "CEA-" + ThreadLocalRandom.current().nextInt(first, last + 1);
                DB.update("delete from reserve_movement where instrument = ?", instrument);
                DB.update("delete from market_trade where instrument = ?", instrument);
                DB.update("insert into compliance_period (period_id, jurisdiction, first_year, last_year, instrument,"
                        + " benchmark_pack, deadline_95, deadline_100, status, opened_by, opened_at, updated_at)"
                        + " values (?, 'CN', ?, ?, ?, 'CN-2022', ?::date, ?::date, 'ALLOCATING', 'regulator', now(),"
                        + " now())", periodId, first, last, instrument, (last + 1) + "-10-31", (last + 1) + "-12-31");
                return new Period(periodId, instrument);
            }
        }
        throw new IllegalStateException("no unused test period left: reset the test database");
    }

    public static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json");
    }

    /** A bid window opening {@code hoursAhead} hours from now, two hours long. */
    static Map<String, Object> auction(long lots, double hoursAhead) {
        Instant opens = Instant.now().plusSeconds((long) (hoursAhead * 3600)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("volumeLots", lots);
        body.put("opensAt", opens.toString());
        body.put("closesAt", opens.plus(2, ChronoUnit.HOURS).toString());
        return body;
    }

    static ValidatableResponse schedule(DemoUser user, String periodId, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/auction-calendar/" + periodId + "/auctions").then();
    }

    /** Schedules as the regulator and answers the auction's reference. */
    static String scheduled(String periodId, long lots, double hoursAhead) {
        return schedule(DemoUser.REGULATOR, periodId, auction(lots, hoursAhead)).statusCode(201)
                .extract().path("auctionRef");
    }

    static ValidatableResponse prepare(String periodId, String ref) {
        return as(DemoUser.REGULATOR).post("/api/v1/auction-calendar/" + periodId + "/auctions/" + ref + "/prepare")
                .then();
    }

    static ValidatableResponse auctionOf(String periodId, String ref) {
        return as(DemoUser.REGULATOR).get("/api/v1/auction-calendar/" + periodId + "/auctions/" + ref).then();
    }

    static String status(String ref) {
        return DB.texts("select status from auction where auction_ref = ?", ref).get(0);
    }

    public static long outboxed(String type, String key) {
        return DB.count("select count(*) from outbox_event where event_type = ? and event_key = ?", type, key);
    }

    /** Trades of the exchange a number of Shanghai days ago, as allocation records them from trading.market-data. */
    static void traded(String instrument, int daysAgo, long priceFen, long quantity) {
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(daysAgo);
        DB.update("insert into market_trade (trade_id, instrument, trading_day, price_fen, quantity, executed_at)"
                + " values (?, ?, ?::date, ?, ?, now())", "T-" + UUID.randomUUID(), instrument, day.toString(),
                priceFen, quantity);
    }

    private static String envelope(String type, String producer, String key, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","producer":"%s",\
                "key":"%s","payload":%s}""".formatted(UUID.randomUUID(), type, Instant.now(), producer, key, payload);
    }

    /** The registry's booking with {@code reference}; answers its transaction id. */
    public static String booked(String type, String reference) {
        String transactionId = UUID.randomUUID().toString();
        REGISTRY.send(transactionId, envelope("TransactionBooked", "registry-service", transactionId, """
                {"transactionId":"%s","type":"%s","initiator":"allocation-service","bookedAt":"%s","lines":[],\
                "reference":"%s"}""".formatted(transactionId, type, Instant.now(), reference)));
        return transactionId;
    }

    public static void refused(String instructionId, String code) {
        REGISTRY.send(instructionId, envelope("IssuanceRefused", "registry-service", instructionId, """
                {"instructionId":"%s","code":"%s","reason":"refused in a test"}""".formatted(instructionId, code)));
    }

    static void announced(long auctionId, String ref, String instrument) {
        EXCHANGE.send(Long.toString(auctionId), envelope("AuctionAnnounced", "trading-service",
                Long.toString(auctionId), """
                        {"auctionId":%d,"auctionRef":"%s","seller":"%s","instrument":"%s","offeredTonnes":1000,\
                        "reservePriceFen":2000,"opensAt":"%s","closesAt":"%s","announcedAt":"%s"}"""
                        .formatted(auctionId, ref, AUCTIONEER, instrument, Instant.now(), Instant.now(),
                                Instant.now())));
    }

    /** The exchange's close; winners as {partyId, tonnes}. */
    static void closed(long auctionId, String ref, String instrument, String outcome, Long price, long offered,
                       long sold, long demand, List<Map.Entry<String, Long>> winners) {
        String list = String.join(",", winners.stream().map(w -> """
                {"partyId":"%s","tonnes":%d}""".formatted(w.getKey(), w.getValue())).toList());
        EXCHANGE.send(Long.toString(auctionId), envelope("AuctionClosed", "trading-service",
                Long.toString(auctionId), """
                        {"auctionId":%d,"auctionRef":"%s","seller":"%s","instrument":"%s","outcome":"%s",\
                        "clearingPriceFen":%s,"offeredTonnes":%d,"soldTonnes":%d,"demandTonnes":%d,"bidders":%d,\
                        "winners":[%s],"closedAt":"%s"}""".formatted(auctionId, ref, AUCTIONEER, instrument, outcome,
                        price, offered, sold, demand, Math.max(1, winners.size()), list, Instant.now())));
    }
}
