package cn.carbonmarket.registry.transaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A booked transaction as the API shows it. */
public record BookedTransaction(UUID id, TransactionType type, String initiator, Instant bookedAt, List<Line> lines) {

    public record Line(String account, String instrument, String status, long delta) {
    }

    public BookedTransaction {
        lines = List.copyOf(lines);
    }
}
