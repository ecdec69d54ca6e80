package cn.carbonmarket.settlement.ledger;

import cn.carbonmarket.contracts.party.PartyId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The double-entry ledger's rules over a set of accounts, entries and sale proceeds held in memory. The database
 * ledger loads what a command touches (locked), applies it here and stores the outcome, so the rules exist once and
 * are tested on their own; on its own this class is the reference ledger the property tests drive.
 *
 * <p>Commands: {@link #record} writes an entry (pending or posted), {@link #post} and {@link #voidPending} finish a
 * pending one. Each is idempotent: the same command again changes nothing and says so; the same business id with
 * another body is refused. Every refusal leaves the ledger as it was.
 */
public final class Ledger {

    private final Map<AccountKey, Balance> balances;
    private final Map<String, RecordedEntry> entries;
    private final Map<PartyId, Map<LocalDate, Long>> proceeds;

    public Ledger() {
        this(Map.of(), List.of(), List.of());
    }

    /** A ledger that starts from stored state: the balances, entries and proceeds a command may touch. */
    public Ledger(Map<AccountKey, Balance> balances, List<RecordedEntry> entries, List<SaleProceeds> proceeds) {
        this.balances = new HashMap<>(balances);
        this.entries = new HashMap<>();
        entries.forEach(e -> this.entries.put(e.entry().id(), e));
        this.proceeds = new HashMap<>();
        proceeds.forEach(p -> addProceeds(p.party(), p.tradeDate(), p.fen()));
    }

    public Balance balance(AccountKey account) {
        return balances.getOrDefault(account, Balance.ZERO);
    }

    /** Every account that has been touched, with its balance. */
    public Map<AccountKey, Balance> balances() {
        return Map.copyOf(balances);
    }

    public RecordedEntry entry(String id) {
        return entries.get(id);
    }

    public int entryCount() {
        return entries.size();
    }

    /**
     * Cash a party may take out on {@code today}: its available cash less the proceeds of sales made today (or
     * later), never below zero. Cash spent after a sale is taken from the older cash first, the cautious reading.
     */
    public long withdrawable(PartyId party, LocalDate today) {
        long recent = proceeds.getOrDefault(party, Map.of()).entrySet().stream()
                .filter(e -> !e.getKey().isBefore(today)).mapToLong(Map.Entry::getValue).sum();
        return Math.max(0, balance(AccountKey.cashAvailable(party)).available() - recent);
    }

    /** The sale proceeds this ledger credited for {@code party} on {@code tradeDate}. */
    public long proceeds(PartyId party, LocalDate tradeDate) {
        return proceeds.getOrDefault(party, Map.of()).getOrDefault(tradeDate, 0L);
    }

    public Applied record(JournalEntry entry) {
        checkShape(entry);
        RecordedEntry existing = entries.get(entry.id());
        if (existing != null) {
            if (!existing.entry().equals(entry)) {
                throw refuse(Rejection.ENTRY_ID_CONFLICT, "entry " + entry.id() + " was recorded with another body");
            }
            return new Applied(existing.entry(), existing.state(), true, Map.of());
        }
        Map<AccountKey, Balance> after = new TreeMap<>();
        Set<AccountKey> debited = new TreeSet<>();
        try {
            for (Transfer t : entry.transfers()) {
                after.put(t.debit(), after.getOrDefault(t.debit(), balance(t.debit())).debit(t.amount(), entry.pending()));
                after.put(t.credit(), after.getOrDefault(t.credit(), balance(t.credit()))
                        .credit(t.amount(), entry.pending()));
                debited.add(t.debit());
            }
        } catch (ArithmeticException e) {
            throw refuse(Rejection.AMOUNT_OVERFLOW, "entry " + entry.id() + " overflows an account's counters");
        }
        for (AccountKey account : debited) {
            if (account.kind().debitsMustNotExceedCredits() && after.get(account).available() < 0) {
                throw refuse(account.kind().isCash() ? Rejection.INSUFFICIENT_FUNDS : Rejection.INSUFFICIENT_UNITS,
                        account + " has " + balance(account).available() + " available, entry " + entry.id()
                                + " needs " + (balance(account).available() - after.get(account).available()));
            }
        }
        if (entry.type() == EntryType.WITHDRAWAL) {
            checkWithdrawable(entry);
        }
        Map<PartyId, Long> sales = entry.type() == EntryType.TRADE ? saleProceeds(entry) : Map.of();
        balances.putAll(after);
        sales.forEach((party, fen) -> addProceeds(party, entry.businessDate(), fen));
        EntryState state = entry.pending() ? EntryState.PENDING : EntryState.POSTED;
        entries.put(entry.id(), new RecordedEntry(entry, state));
        return new Applied(entry, state, false, after);
    }

    /** Makes a pending entry's amounts final. Posting it again changes nothing. */
    public Applied post(String pendingId) {
        return resolve(pendingId, true);
    }

    /** Gives a pending entry's amounts back. Voiding it again changes nothing. */
    public Applied voidPending(String pendingId) {
        return resolve(pendingId, false);
    }

    private Applied resolve(String pendingId, boolean post) {
        RecordedEntry recorded = entries.get(pendingId);
        if (recorded == null) {
            throw refuse(Rejection.PENDING_NOT_FOUND, "no entry " + pendingId);
        }
        if (!recorded.entry().pending()) {
            throw refuse(Rejection.NOT_PENDING, "entry " + pendingId + " was posted when it was written");
        }
        EntryState target = post ? EntryState.POSTED : EntryState.VOIDED;
        if (recorded.state() == target) {
            return new Applied(recorded.entry(), target, true, Map.of());
        }
        if (recorded.state() != EntryState.PENDING) {
            throw refuse(recorded.state() == EntryState.POSTED ? Rejection.PENDING_ALREADY_POSTED
                    : Rejection.PENDING_ALREADY_VOIDED, "entry " + pendingId + " is already " + recorded.state());
        }
        // Pending amounts were checked against the constraints when they were reserved: settling them cannot
        // take an account below what it had available.
        Map<AccountKey, Balance> after = new TreeMap<>();
        for (Transfer t : recorded.entry().transfers()) {
            after.put(t.debit(), after.getOrDefault(t.debit(), balance(t.debit())).settleDebit(t.amount(), post));
            after.put(t.credit(), after.getOrDefault(t.credit(), balance(t.credit())).settleCredit(t.amount(), post));
        }
        balances.putAll(after);
        entries.put(pendingId, new RecordedEntry(recorded.entry(), target));
        return new Applied(recorded.entry(), target, false, after);
    }

    private static void checkShape(JournalEntry entry) {
        if (entry.transfers().isEmpty()) {
            throw refuse(Rejection.EMPTY_ENTRY, "entry " + entry.id() + " has no transfers");
        }
        for (Transfer t : entry.transfers()) {
            if (t.amount() <= 0) {
                throw refuse(Rejection.NON_POSITIVE_AMOUNT, "entry " + entry.id() + " moves " + t.amount()
                        + "; every transfer moves a positive amount");
            }
            if (t.debit().equals(t.credit())) {
                throw refuse(Rejection.SAME_ACCOUNT, "entry " + entry.id() + " moves " + t.debit() + " to itself");
            }
            if (!t.debit().asset().equals(t.credit().asset()) || t.debit().kind().isCash() != t.debit().asset().isCash()
                    || t.credit().kind().isCash() != t.credit().asset().isCash()) {
                throw refuse(Rejection.ASSET_MISMATCH, "entry " + entry.id() + " moves between " + t.debit() + " and "
                        + t.credit());
            }
        }
    }

    /** A withdrawal may take only cash that is withdrawable today: proceeds of today's sales stay until T+1. */
    private void checkWithdrawable(JournalEntry entry) {
        Map<PartyId, Long> out = new HashMap<>();
        entry.transfers().stream().filter(t -> t.debit().kind() == AccountKind.CASH_AVAILABLE)
                .forEach(t -> out.merge(t.debit().party(), t.amount(), Math::addExact));
        out.forEach((party, fen) -> {
            long withdrawable = withdrawable(party, entry.businessDate());
            if (fen > withdrawable) {
                throw refuse(Rejection.NOT_WITHDRAWABLE, "party " + party + " may withdraw " + withdrawable
                        + " fen today (proceeds of today's sales only from T+1), asked for " + fen);
            }
        });
    }

    /** Per party, the net cash a trade entry credits to its available cash, where positive. */
    public static Map<PartyId, Long> saleProceeds(JournalEntry entry) {
        Map<PartyId, Long> net = new HashMap<>();
        for (Transfer t : entry.transfers()) {
            if (t.credit().kind() == AccountKind.CASH_AVAILABLE) {
                net.merge(t.credit().party(), t.amount(), Math::addExact);
            }
            if (t.debit().kind() == AccountKind.CASH_AVAILABLE) {
                net.merge(t.debit().party(), -t.amount(), Math::addExact);
            }
        }
        net.values().removeIf(fen -> fen <= 0);
        return net;
    }

    private void addProceeds(PartyId party, LocalDate date, long fen) {
        proceeds.computeIfAbsent(party, p -> new HashMap<>()).merge(date, fen, Math::addExact);
    }

    private static LedgerRejectedException refuse(Rejection rejection, String message) {
        return new LedgerRejectedException(rejection, message);
    }
}
