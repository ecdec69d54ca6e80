package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Settlement's ledger changed one party's balances: a deposit, a withdrawal (requested, paid out or rejected), a
 * cleared trade, units into or out of trading, auction collateral. One event per party a ledger transaction
 * touches, keyed by party id on {@code settlement.ledger}, named after the last entry of that transaction that
 * touched the party and carrying the party's balances after it, so trading can set buying power from it without
 * adding deltas up. A batch of cleared trades is one transaction: a party trading 300 times in it gets one event,
 * after the 300th trade.
 *
 * @param entryId   the ledger's business id, e.g. {@code DEPOSIT:<bank reference>} or {@code TRADE:<trade id>}
 * @param entryType DEPOSIT, WITHDRAWAL, PAYOUT, UNITS_IN, UNITS_OUT, TRADE, COLLATERAL_RESERVE or
 *                  COLLATERAL_RELEASE
 * @param state     PENDING, POSTED or VOIDED (a withdrawal is PENDING until the clearing bank decides)
 * @param entryIds  every entry of the transaction that touched the party, in order, {@code entryId} last: the
 *                  balances include all of them, so a reader holding its own not-yet-reported changes (trading's
 *                  trades) can drop each of these
 */
public record LedgerEntryPosted(String entryId, String entryType, String state, PartyId partyId,
                                LocalDate businessDate, Instant postedAt, List<Balance> balances,
                                List<String> entryIds) {

    public static final EventType<LedgerEntryPosted> TYPE = new EventType<>("LedgerEntryPosted", 1,
            LedgerEntryPosted.class, Topics.SETTLEMENT_LEDGER);

    /**
     * One of the party's accounts after the entry: {@code account} CASH_AVAILABLE, CASH_RESERVED,
     * CASH_PENDING_WITHDRAWAL or UNITS; {@code asset} CNY (amounts in fen) or an instrument (whole tonnes);
     * {@code available} what may be spent or delivered, {@code posted} the final balance without pending entries.
     */
    public record Balance(String account, String asset, long available, long posted) {
    }

    public LedgerEntryPosted {
        balances = List.copyOf(balances);
        entryIds = entryIds == null || entryIds.isEmpty() ? List.of(entryId) : List.copyOf(entryIds);
    }
}
