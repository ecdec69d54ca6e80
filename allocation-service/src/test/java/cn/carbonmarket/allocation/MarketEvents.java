package cn.carbonmarket.allocation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Events other services publish that allocation follows, written as their outboxes write them. */
public final class MarketEvents {

    private MarketEvents() {
    }

    public static String envelope(String type, String producer, String key, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","producer":"%s",\
                "key":"%s","payload":%s}""".formatted(UUID.randomUUID(), type, Instant.now(), producer, key, payload);
    }

    /** A SURRENDER booking as the registry publishes it: the holding debited, the period's account credited. */
    public static String surrender(String transactionId, String partyId, String periodId, Map<String, Long> units) {
        StringBuilder lines = new StringBuilder();
        units.forEach((instrument, tonnes) -> lines.append(lines.isEmpty() ? "" : ",").append("""
                {"account":"HOLDING-%s","partyId":"%s","instrument":"%s","status":"AVAILABLE","delta":%d},\
                {"account":"SURRENDER-%s","partyId":null,"instrument":"%s","status":"AVAILABLE","delta":%d}"""
                .formatted(partyId, partyId, instrument, -tonnes, periodId, instrument, tonnes)));
        return envelope("TransactionBooked", "registry-service", partyId, """
                {"transactionId":"%s","type":"SURRENDER","initiator":"%s","bookedAt":"%s","lines":[%s],\
                "reference":"S-%s"}""".formatted(transactionId, partyId, Instant.now(), lines, transactionId));
    }

    /** The registry's answer to an issuance instruction it booked. */
    public static String allocationBooked(String instructionId, String partyId) {
        return envelope("TransactionBooked", "registry-service", partyId, """
                {"transactionId":"%s","type":"ALLOCATION","initiator":"allocation-service","bookedAt":"%s",\
                "lines":[],"reference":"%s"}""".formatted(UUID.randomUUID(), Instant.now(), instructionId));
    }

    /** A trade print of the exchange. */
    public static String tradePrinted(String id, String instrument, long quantity, long price, String mode,
                                      String at) {
        return envelope("TradePrinted", "trading-service", instrument, """
                {"tradeId":"%s","instrument":"%s","quantity":%d,"priceFen":%d,"mode":"%s","executedAt":"%s"}"""
                .formatted(id, instrument, quantity, price, mode, at));
    }
}
