package cn.carbonmarket.settlement;

import static org.awaitility.Awaitility.await;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.KafkaTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Events as trading and the registry publish them, for settlement's consumers. */
public final class TradeEvents {

    public static final String CEA = "CEA-2025";

    private TradeEvents() {
    }

    public record Sent(String eventId, String tradeId, String json) {
    }

    public static Sent trade(String tradeId, String buyer, String seller, long quantity, long priceFen, long buyerFee,
                             long sellerFee, String mode) {
        return trade(tradeId, buyer, seller, quantity, priceFen, buyerFee, sellerFee, mode, Instant.now());
    }

    public static Sent trade(String tradeId, String buyer, String seller, long quantity, long priceFen, long buyerFee,
                             long sellerFee, String mode, Instant executedAt) {
        String eventId = UUID.randomUUID().toString();
        String json = """
                {"eventId":"%s","type":"TradeExecuted","version":1,"occurredAt":"%s","producer":"trading-service",\
                "key":"%s","payload":{"tradeId":"%s","buyerPartyId":"%s","sellerPartyId":"%s","instrument":"%s",\
                "quantity":%d,"priceFen":%d,"buyerFeeFen":%d,"sellerFeeFen":%d,"mode":"%s","executedAt":"%s"}}"""
                .formatted(eventId, Instant.now(), CEA, tradeId, buyer, seller, CEA, quantity, priceFen, buyerFee,
                        sellerFee, mode, executedAt);
        return new Sent(eventId, tradeId, json);
    }

    /** Publishes on trading.trades keyed by instrument, as trading does: one instrument's trades stay in order. */
    public static Sent publish(Sent trade) {
        new KafkaTopic("trading.trades").send(CEA, trade.json());
        return trade;
    }

    public static void awaitCleared(String tradeId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> SettlementFixtures.DB
                .count("select count(*) from journal_entry where id = ?", "TRADE:" + tradeId) == 1);
    }

    /** The registry moved {@code tonnes} of the party's CEA-2025 into trading; waits until settlement booked it. */
    public static void unitsIntoTrading(String partyId, long tonnes) {
        String transactionId = registryBooked("TO_TRADING", partyId, tonnes);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> SettlementFixtures.DB
                .count("select count(*) from journal_entry where id = ?", "UNITS_IN:" + transactionId + "/1") == 1);
    }

    /**
     * The registry booked a release of {@code tonnes} of the party's CEA-2025 out of trading (FROM_TRADING), as it
     * does on UnitsReleased; waits until settlement mirrored it.
     */
    public static void unitsOutOfTrading(String partyId, long tonnes) {
        String transactionId = registryBooked("FROM_TRADING", partyId, -tonnes);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> SettlementFixtures.DB
                .count("select count(*) from registry_transaction_mirrored where transaction_id = ?",
                        transactionId) == 1);
    }

    /** A registry transaction moving {@code inTrading} tonnes between the party's AVAILABLE and IN_TRADING. */
    private static String registryBooked(String type, String partyId, long inTrading) {
        String transactionId = UUID.randomUUID().toString();
        String account = AccountId.holdingOf(PartyId.parse(partyId)).value();
        String json = """
                {"eventId":"%s","type":"TransactionBooked","version":1,"occurredAt":"%s","producer":"registry-service",\
                "key":"%s","payload":{"transactionId":"%s","type":"%s","initiator":"party/%s",\
                "bookedAt":"%s","lines":[\
                {"account":"%s","partyId":"%s","instrument":"%s","status":"AVAILABLE","delta":%d},\
                {"account":"%s","partyId":"%s","instrument":"%s","status":"IN_TRADING","delta":%d}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), partyId, transactionId, type, partyId, Instant.now(),
                        account, partyId, CEA, -inTrading, account, partyId, CEA, inTrading);
        new KafkaTopic("registry.transactions").send(partyId, json);
        return transactionId;
    }
}
