package cn.carbonmarket.trading.risk;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sets participants' balances as settlement does: a {@code LedgerEntryPosted} on settlement.ledger with the
 * party's balances after an entry, published to the real broker; or moves units into trading as the registry does.
 * Each waits until trading has processed its event.
 */
public final class Funding {

    public static final List<String> INSTRUMENTS = List.of("CEA-2024", "CEA-2025", "CEA-2026", "CCER-2025");
    public static final List<DemoUser> TRADERS = List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2, DemoUser.INVESTOR_1,
            DemoUser.INDIVIDUAL_1);
    /** Ten billion yuan: more than any test's orders reserve. */
    public static final long PLENTY_OF_CASH = 1_000_000_000_000L;
    /** Below the large-trader threshold, so that a test crosses it only on purpose. */
    public static final long PLENTY_OF_UNITS = 400_000;

    private static final KafkaTopic LEDGER = new KafkaTopic("settlement.ledger");
    private static final Database DATABASE = new Database("trading");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Funding() {
    }

    /** Every trading demo participant gets plenty of cash and of each listed instrument. */
    public static void everyone() {
        Map<String, Long> units = INSTRUMENTS.stream().collect(Collectors.toMap(i -> i, i -> PLENTY_OF_UNITS));
        TRADERS.forEach(user -> post(user, "DEPOSIT:" + UUID.randomUUID(), "DEPOSIT", PLENTY_OF_CASH, units));
    }

    /** Every trading demo participant funded as by {@link #everyone}, with the risk profile that says its type. */
    public static void everyoneKnownByType() {
        everyone();
        Profiles.known(TRADERS);
    }

    public static void cash(DemoUser user, long fen) {
        post(user, "DEPOSIT:" + UUID.randomUUID(), "DEPOSIT", fen, Map.of());
    }

    public static void units(DemoUser user, String instrument, long tonnes) {
        post(user, "UNITS_IN:" + UUID.randomUUID(), "UNITS_IN", null, Map.of(instrument, tonnes));
    }

    /**
     * Publishes settlement's report of {@code entryId} for the party: its available cash (if not null) and units
     * after the entry, and waits until trading has processed it. The report includes every change of the party that
     * trading still holds as unreported (its trades and moves into trading, as if settlement had booked them in the
     * same batch), so the balances it names are exactly the ones given, whatever other tests did before; the
     * others lose those changes (a real report would name them too).
     */
    public static void post(DemoUser user, String entryId, String entryType, Long cash, Map<String, Long> units) {
        StringBuilder balances = new StringBuilder();
        if (cash != null) {
            balances.append(balance("CASH_AVAILABLE", "CNY", cash));
        }
        units.forEach((instrument, tonnes) -> balances.append(balances.isEmpty() ? "" : ",")
                .append(balance("UNITS", instrument, tonnes)));
        UUID eventId = UUID.randomUUID();
        String now = Instant.now().toString();
        String json = """
                {"eventId":"%s","type":"LedgerEntryPosted","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"entryId":"%s","entryType":"%s",\
                "state":"POSTED","partyId":"%s","businessDate":"2026-11-25","postedAt":"%s","balances":[%s],\
                "entryIds":[%s]}}"""
                .formatted(eventId, now, user.partyId(), entryId, entryType, user.partyId(), now, balances,
                        entryIds(user, entryId));
        LEDGER.send(user.partyId(), json);
        awaitProcessed(SettlementFeed.CONSUMER, eventId);
    }

    /**
     * Publishes the registry's move of {@code tonnes} of the party's units into trading (TO_TRADING, the
     * IN_TRADING line second) as registry transaction {@code transactionId}; waits until trading processed it.
     */
    public static void movedIntoTrading(DemoUser user, String transactionId, String instrument, long tonnes) {
        movedIntoTrading(user.partyId(), transactionId, instrument, tonnes);
    }

    /** The same for any party, a system party such as an auctioneer too. */
    public static void movedIntoTrading(String party, String transactionId, String instrument, long tonnes) {
        UUID eventId = UUID.randomUUID();
        String account = "HOLDING-" + party;
        String now = Instant.now().toString();
        String json = """
                {"eventId":"%s","type":"TransactionBooked","version":1,"occurredAt":"%s","producer":"registry-service",                "key":"%s","payload":{"transactionId":"%s","type":"TO_TRADING","initiator":"party/%s",                "bookedAt":"%s","lines":[                {"account":"%s","partyId":"%s","instrument":"%s","status":"AVAILABLE","delta":%d},                {"account":"%s","partyId":"%s","instrument":"%s","status":"IN_TRADING","delta":%d}]}}"""
                .formatted(eventId, now, party, transactionId, party, now, account, party, instrument, -tonnes,
                        account, party, instrument, tonnes);
        new KafkaTopic("registry.transactions").send(party, json);
        awaitProcessed(RegistryFeed.CONSUMER, eventId);
    }

    private static String entryIds(DemoUser user, String entryId) {
        awaitTradesRecorded(user);
        List<String> ids = new ArrayList<>(DATABASE.texts("select entry_id from risk_delta"
                + " where party_id::text = ? order by entry_id", user.partyId()));
        ids.add(entryId);
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    }

    /**
     * Order entry answers before its trades are recorded (the journal holds them): wait until every fill of the
     * party has its trade row, so that the report names every change trading holds.
     */
    private static void awaitTradesRecorded(DemoUser user) {
        Set<String> tradeIds = new HashSet<>(given().auth().oauth2(accessToken(user)).when().get("/api/v1/fills")
                .then().statusCode(200).extract().jsonPath().getList("tradeId", String.class));
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!tradeIds.isEmpty() && DATABASE.count("select count(*) from trade"
                + " where trade_id = any(string_to_array(?, ','))", String.join(",", tradeIds)) < tradeIds.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the trades of " + user + " were not recorded within " + PATIENCE);
            }
            pause();
        }
    }

    private static String balance(String account, String asset, long amount) {
        return "{\"account\":\"%s\",\"asset\":\"%s\",\"available\":%d,\"posted\":%d}"
                .formatted(account, asset, amount, amount);
    }

    private static void awaitProcessed(String consumer, UUID eventId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (DATABASE.count("select count(*) from processed_event where consumer = ? and event_id = ?",
                consumer, eventId) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(consumer + " did not process event " + eventId + " within " + PATIENCE);
            }
            pause();
        }
        pause(); // memory follows the commit at once; leave it a moment before the next request
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
