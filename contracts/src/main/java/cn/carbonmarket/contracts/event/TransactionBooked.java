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
 */
public record TransactionBooked(UUID transactionId, String type, String initiator, Instant bookedAt,
                                List<Line> lines) {

    public static final EventType<TransactionBooked> TYPE = new EventType<>("TransactionBooked", 1,
            TransactionBooked.class, Topics.REGISTRY_TRANSACTIONS);

    /** {@code status} is the holding status (AVAILABLE, IN_TRADING, PLEDGED, FROZEN); delta in tonnes. */
    public record Line(AccountId account, String partyId, InstrumentCode instrument, String status, long delta) {
    }

    public TransactionBooked {
        lines = List.copyOf(lines);
    }
}
