package cn.carbonmarket.settlement.ledger;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.LocalDate;
import java.util.List;

/**
 * The journal entries of the cash and unit workflows, each under a business id in its type's namespace so that a
 * bank reference can never collide with a trade id.
 */
public final class Entries {

    private Entries() {
    }

    public static String id(EntryType type, String businessId) {
        return type.name() + ":" + businessId;
    }

    /** The clearing bank received {@code fen} for the party: the omnibus mirror goes down, the party's cash up. */
    public static JournalEntry deposit(String bankReference, PartyId party, long fen, LocalDate date) {
        return new JournalEntry(id(EntryType.DEPOSIT, bankReference), EntryType.DEPOSIT, date, false,
                List.of(new Transfer(AccountKey.omnibus(), AccountKey.cashAvailable(party), fen)));
    }

    /** A withdrawal request: pending, so the cash is held (no longer available) until the bank decides. */
    public static JournalEntry withdrawal(String withdrawalId, PartyId party, long fen, LocalDate date) {
        return new JournalEntry(id(EntryType.WITHDRAWAL, withdrawalId), EntryType.WITHDRAWAL, date, true,
                List.of(new Transfer(AccountKey.cashAvailable(party), AccountKey.cashPendingWithdrawal(party), fen)));
    }

    /** The bank paid a posted withdrawal out: the cash leaves the market through the omnibus account. */
    public static JournalEntry payout(String withdrawalId, PartyId party, long fen, LocalDate date) {
        return new JournalEntry(id(EntryType.PAYOUT, withdrawalId), EntryType.PAYOUT, date, false,
                List.of(new Transfer(AccountKey.cashPendingWithdrawal(party), AccountKey.omnibus(), fen)));
    }

    /** Units the registry moved into trading (IN_TRADING) for the party. */
    public static JournalEntry unitsIn(String registryTransactionId, PartyId party, InstrumentCode instrument,
                                       long tonnes, LocalDate date) {
        return new JournalEntry(id(EntryType.UNITS_IN, registryTransactionId), EntryType.UNITS_IN, date, false,
                List.of(new Transfer(AccountKey.registryMirror(instrument), AccountKey.units(party, instrument),
                        tonnes)));
    }

    /**
     * Units the party takes out of trading: off its position, back to the registry mirror they came in from (the
     * registry moves them from IN_TRADING to AVAILABLE when the release reaches it).
     */
    public static JournalEntry unitsOut(String withdrawalId, PartyId party, InstrumentCode instrument, long tonnes,
                                        LocalDate date) {
        return new JournalEntry(id(EntryType.UNITS_OUT, withdrawalId), EntryType.UNITS_OUT, date, false,
                List.of(new Transfer(AccountKey.units(party, instrument), AccountKey.registryMirror(instrument),
                        tonnes)));
    }

    /**
     * Collateral for an auction bid, set aside from the party's available cash: pending (held, not spendable) until
     * the auction's first trade for the bidder posts it into the reserved account, or the auction ends without one
     * and voids it.
     */
    public static JournalEntry reserveCollateral(String bidId, PartyId party, long fen, LocalDate date) {
        return new JournalEntry(id(EntryType.COLLATERAL_RESERVE, bidId), EntryType.COLLATERAL_RESERVE, date, true,
                List.of(new Transfer(AccountKey.cashAvailable(party), AccountKey.cashReserved(party), fen)));
    }

    /** Collateral an auction did not use, back to available cash. */
    public static JournalEntry releaseCollateral(String bidId, PartyId party, long fen, LocalDate date) {
        return new JournalEntry(id(EntryType.COLLATERAL_RELEASE, bidId), EntryType.COLLATERAL_RELEASE, date, false,
                List.of(new Transfer(AccountKey.cashReserved(party), AccountKey.cashAvailable(party), fen)));
    }
}
