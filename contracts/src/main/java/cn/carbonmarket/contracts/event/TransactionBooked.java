package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The registry booked a movement of units: balanced lines (per instrument they sum to zero), each a signed change
 * of one holding. Keyed on {@code registry.transactions} by the party of the first holding account involved, so a
 * party's movements arrive in order; system-only movements are keyed by transaction id.
 *
 * <p>{@code reference} is the initiator's own reference for the booking, the idempotency key it booked under: for a
 * SETTLEMENT_DELIVERY booking, the clearing run's id. Null in events published before it was added.
 */
public record TransactionBooked(UUID transactionId, String type, String initiator, Instant bookedAt,
                                List<Line> lines, String reference) {

    public static final EventType<TransactionBooked> TYPE = new EventType<>("TransactionBooked", 1,
            TransactionBooked.class, Topics.REGISTRY_TRANSACTIONS);

    /** {@code status} is the holding status (AVAILABLE, IN_TRADING, PLEDGED, FROZEN); delta in tonnes. */
    public record Line(AccountId account, String partyId, InstrumentCode instrument, String status, long delta) {
    }

    public TransactionBooked {
        lines = List.copyOf(lines);
    }
}
