package cn.carbonmarket.settlement.ledger;

import cn.carbonmarket.contracts.event.LedgerEntryPosted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.MarketException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The ledger in PostgreSQL. Inside the caller's transaction it locks what the commands touch (their entries by id,
 * then their accounts, each in one fixed order so that two postings never deadlock), applies the {@link Ledger}'s
 * rules to them, and writes the new entries (each a row holding its transfers), the balances, the sale proceeds and
 * one LedgerEntryPosted event per party touched. A new entry whose id another transaction inserts first fails on the
 * primary key, and a new account on its key: callers retry on a unique violation and then find the entry there.
 * It holds every statement on the ledger's tables (journal_entry, ledger_account, sale_proceeds), the reads other
 * concepts make of them included.
 */
@ApplicationScoped
public class LedgerStore {

    private static final String DEADLOCK = "40P01";

    /** A transfer per row with its entry's columns: the statement groups them back into entries. */
    private static final ColumnBatch<TransferRow> ENTRIES = new ColumnBatch<TransferRow>()
            .column(String.class, r -> r.entry().id())
            .column(String.class, r -> r.entry().type().name())
            .column(LocalDate.class, r -> r.entry().businessDate())
            .column(Boolean.class, r -> r.entry().pending())
            .column(String.class, r -> r.entry().pending() ? EntryState.PENDING.name() : EntryState.POSTED.name())
            .column(OffsetDateTime.class, TransferRow::createdAt)
            .column(Integer.class, TransferRow::seq)
            .column(String.class, r -> r.transfer().debit().kind().name())
            .column(String.class, r -> r.transfer().debit().owner())
            .column(String.class, r -> r.transfer().credit().kind().name())
            .column(String.class, r -> r.transfer().credit().owner())
            .column(String.class, r -> r.transfer().debit().asset().code())
            .column(Long.class, r -> r.transfer().amount());
    private static final ColumnBatch<Map.Entry<AccountKey, Balance>> BALANCES =
            new ColumnBatch<Map.Entry<AccountKey, Balance>>()
                    .column(String.class, e -> e.getKey().kind().name())
                    .column(String.class, e -> e.getKey().owner())
                    .column(String.class, e -> e.getKey().asset().code())
                    .column(Long.class, e -> e.getValue().debitsPending())
                    .column(Long.class, e -> e.getValue().debitsPosted())
                    .column(Long.class, e -> e.getValue().creditsPending())
                    .column(Long.class, e -> e.getValue().creditsPosted())
                    .column(Boolean.class, e -> e.getKey().kind().debitsMustNotExceedCredits());

    private final Outbox outbox;

    public LedgerStore(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A command's result: applied (perhaps as a replay), or refused with nothing of it written. */
    public record Outcome(LedgerCommand command, Applied applied, LedgerRejectedException rejection) {

        public boolean isApplied() {
            return applied != null;
        }

        /** The applied result, or the refusal as the problem+json error the API answers with. */
        public Applied orThrow() {
            if (rejection != null) {
                throw problemOf(rejection);
            }
            return applied;
        }
    }

    private record TransferRow(JournalEntry entry, OffsetDateTime createdAt, int seq, Transfer transfer) {
    }

    /** The rows and events one call writes, worked out before the first write. */
    private record Writes(List<Outcome> outcomes, List<JournalEntry> newEntries, Map<String, EntryState> resolved,
                          Map<AccountKey, Balance> updates, Map<AccountKey, Balance> inserts,
                          Map<PartyId, Map<LocalDate, Long>> proceeds,
                          List<Outbox.Keyed<LedgerEntryPosted>> events) {
    }

    /**
     * Applies the commands in order (each sees what the earlier ones did) inside the caller's transaction. Refused
     * commands are reported, not thrown, so that a batch can carry on with the others; {@link Outcome#orThrow}
     * turns a refusal into the API's error (and the caller's transaction then rolls back).
     */
    public Uni<List<Outcome>> apply(SqlConnection conn, List<LedgerCommand> commands, Instant now) {
        Instant postedAt = now.truncatedTo(ChronoUnit.MICROS);
        List<String> ids = commands.stream().map(LedgerCommand::entryId).distinct().sorted().toList();
        return lockEntries(conn, ids).flatMap(existing -> {
            Set<AccountKey> touched = new TreeSet<>();
            Map<PartyId, LocalDate> withdrawers = new HashMap<>();
            for (LedgerCommand command : commands) {
                List<Transfer> transfers = command instanceof LedgerCommand.Write write ? write.entry().transfers()
                        : existing.containsKey(command.entryId()) ? existing.get(command.entryId()).entry().transfers()
                        : List.of();
                transfers.forEach(t -> {
                    touched.add(t.debit());
                    touched.add(t.credit());
                });
                if (command instanceof LedgerCommand.Write write && write.entry().type() == EntryType.WITHDRAWAL) {
                    transfers.stream().filter(t -> t.debit().kind() == AccountKind.CASH_AVAILABLE).forEach(t ->
                            withdrawers.merge(t.debit().party(), write.entry().businessDate(),
                                    (a, b) -> a.isBefore(b) ? a : b));
                }
            }
            return lockAccounts(conn, touched).flatMap(balances -> loadProceeds(conn, withdrawers)
                    .map(proceeds -> run(commands, balances, existing, proceeds, postedAt)));
        }).flatMap(writes -> write(conn, writes, postedAt).replaceWith(writes.outcomes()));
    }

    private Writes run(List<LedgerCommand> commands, Map<AccountKey, Balance> locked,
                       Map<String, RecordedEntry> existing, List<SaleProceeds> proceeds, Instant postedAt) {
        Ledger ledger = new Ledger(locked, List.copyOf(existing.values()), proceeds);
        List<Outcome> outcomes = new ArrayList<>();
        List<JournalEntry> newEntries = new ArrayList<>();
        Map<String, EntryState> resolved = new LinkedHashMap<>();
        Set<AccountKey> changed = new TreeSet<>();
        Map<PartyId, Map<LocalDate, Long>> sales = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Map<String, Applied> lastByParty = new TreeMap<>();
        Map<String, Set<AccountKey>> accountsByParty = new TreeMap<>();
        Map<String, Set<String>> entriesByParty = new HashMap<>();
        for (LedgerCommand command : commands) {
            Applied applied;
            try {
                applied = command.applyTo(ledger);
            } catch (LedgerRejectedException refused) {
                outcomes.add(new Outcome(command, null, refused));
                continue;
            }
            outcomes.add(new Outcome(command, applied, null));
            if (applied.replayed()) {
                continue;
            }
            if (command instanceof LedgerCommand.Write) {
                newEntries.add(applied.entry());
                if (applied.entry().type() == EntryType.TRADE) {
                    Ledger.saleProceeds(applied.entry()).forEach((party, fen) -> sales
                            .computeIfAbsent(party, p -> new TreeMap<>())
                            .merge(applied.entry().businessDate(), fen, Math::addExact));
                }
            } else {
                resolved.put(command.entryId(), applied.state());
            }
            changed.addAll(applied.changed().keySet());
            applied.changed().keySet().stream().filter(AccountKey::isPartyAccount).forEach(account -> {
                lastByParty.put(account.owner(), applied);
                accountsByParty.computeIfAbsent(account.owner(), p -> new TreeSet<>()).add(account);
                entriesByParty.computeIfAbsent(account.owner(), p -> new LinkedHashSet<>())
                        .add(applied.entry().id());
            });
        }
        List<Outbox.Keyed<LedgerEntryPosted>> events = new ArrayList<>();
        lastByParty.forEach((party, last) -> events.add(eventOf(party, last, accountsByParty.get(party),
                entriesByParty.get(party), ledger, postedAt)));
        Map<AccountKey, Balance> updates = new TreeMap<>();
        Map<AccountKey, Balance> inserts = new TreeMap<>();
        changed.forEach(account -> (locked.containsKey(account) ? updates : inserts)
                .put(account, ledger.balance(account)));
        return new Writes(outcomes, newEntries, resolved, updates, inserts, sales, events);
    }

    /**
     * One event per party the call touched, named after the last entry that touched it and carrying the party's
     * touched accounts after all of the call's entries: a batch of trades costs an event per party, not two per
     * trade, and a reader setting buying power from the balances sees the same end state.
     */
    private static Outbox.Keyed<LedgerEntryPosted> eventOf(String party, Applied last, Set<AccountKey> accounts,
                                                           Set<String> entries, Ledger ledger, Instant postedAt) {
        List<LedgerEntryPosted.Balance> balances = new ArrayList<>();
        accounts.forEach(account -> {
            Balance balance = ledger.balance(account);
            balances.add(new LedgerEntryPosted.Balance(account.kind().name(), account.asset().code(),
                    balance.available(), balance.posted()));
        });
        return new Outbox.Keyed<>(party, new LedgerEntryPosted(last.entry().id(), last.entry().type().name(),
                last.state().name(), PartyId.parse(party), last.entry().businessDate(), postedAt, balances,
                List.copyOf(entries)));
    }

    /** The entries the commands name, locked in id order, with their transfers. */
    private Uni<Map<String, RecordedEntry>> lockEntries(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("select e.id, e.type, e.business_date, e.pending, e.state, t.debit_kind,"
                        + " t.debit_owner, t.credit_kind, t.credit_owner, t.asset, t.amount::bigint as amount"
                        + " from journal_entry e cross join lateral unnest(e.transfers) with ordinality"
                        + " as t(debit_kind, debit_owner, credit_kind, credit_owner, asset, amount, seq)"
                        + " where e.id = any($1) order by e.id, t.seq for update of e")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Row>> byEntry = new LinkedHashMap<>();
                    rows.forEach(r -> byEntry.computeIfAbsent(r.getString("id"), id -> new ArrayList<>()).add(r));
                    Map<String, RecordedEntry> recorded = new HashMap<>();
                    byEntry.forEach((id, transfers) -> {
                        Row r = transfers.get(0);
                        recorded.put(id, new RecordedEntry(new JournalEntry(id, EntryType.valueOf(r.getString("type")),
                                r.getLocalDate("business_date"), r.getBoolean("pending"),
                                transfers.stream().map(LedgerStore::transferOf).toList()),
                                EntryState.valueOf(r.getString("state"))));
                    });
                    return recorded;
                });
    }

    private static Transfer transferOf(Row r) {
        Asset asset = Asset.parse(r.getString("asset"));
        return new Transfer(new AccountKey(AccountKind.valueOf(r.getString("debit_kind")), r.getString("debit_owner"),
                asset), new AccountKey(AccountKind.valueOf(r.getString("credit_kind")), r.getString("credit_owner"),
                asset), r.getLong("amount"));
    }

    /** Existing accounts among {@code keys}, locked in (kind, owner, asset) order; absent ones are new. */
    private Uni<Map<AccountKey, Balance>> lockAccounts(SqlConnection conn, Set<AccountKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select a.kind, a.owner, a.asset, a.debits_pending, a.debits_posted,"
                        + " a.credits_pending, a.credits_posted from ledger_account a"
                        + " join unnest($1::text[], $2::text[], $3::text[]) as k(kind, owner, asset)"
                        + " on a.kind = k.kind and a.owner = k.owner and a.asset = k.asset"
                        + " order by a.kind, a.owner, a.asset for update of a")
                .execute(Tuple.of(keys.stream().map(k -> k.kind().name()).toArray(String[]::new),
                        keys.stream().map(AccountKey::owner).toArray(String[]::new),
                        keys.stream().map(k -> k.asset().code()).toArray(String[]::new)))
                .map(rows -> {
                    Map<AccountKey, Balance> balances = new HashMap<>();
                    rows.forEach(r -> balances.put(new AccountKey(AccountKind.valueOf(r.getString("kind")),
                                    r.getString("owner"), Asset.parse(r.getString("asset"))),
                            new Balance(r.getLong("debits_pending"), r.getLong("debits_posted"),
                                    r.getLong("credits_pending"), r.getLong("credits_posted"))));
                    return balances;
                });
    }

    /** Sale proceeds of withdrawing parties from their withdrawal's date on (the ones not yet withdrawable). */
    private Uni<List<SaleProceeds>> loadProceeds(SqlConnection conn, Map<PartyId, LocalDate> parties) {
        if (parties.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalDate from = parties.values().stream().min(LocalDate::compareTo).orElseThrow();
        return conn.preparedQuery("select party_id, trade_date, amount_fen from sale_proceeds"
                        + " where party_id = any($1) and trade_date >= $2")
                .execute(Tuple.of(parties.keySet().stream().map(PartyId::value).toArray(UUID[]::new), from))
                .map(rows -> {
                    List<SaleProceeds> proceeds = new ArrayList<>();
                    rows.forEach(r -> proceeds.add(new SaleProceeds(new PartyId(r.getUUID("party_id")),
                            r.getLocalDate("trade_date"), r.getLong("amount_fen"))));
                    return proceeds;
                });
    }

    private Uni<Void> write(SqlConnection conn, Writes writes, Instant postedAt) {
        OffsetDateTime at = postedAt.atOffset(ZoneOffset.UTC);
        List<List<TransferRow>> entries = writes.newEntries().stream().map(e -> {
            List<TransferRow> rows = new ArrayList<>(e.transfers().size());
            for (int i = 0; i < e.transfers().size(); i++) {
                rows.add(new TransferRow(e, at, i, e.transfers().get(i)));
            }
            return rows;
        }).toList();
        Uni<Void> written = entries.isEmpty() ? Uni.createFrom().voidItem()
                : ENTRIES.executeGroups(conn, "insert into journal_entry (id, type, business_date, pending, state,"
                        + " created_at, transfers) select id, type, business_date, pending, state, created_at,"
                        + " array_agg(row(debit_kind, debit_owner, credit_kind, credit_owner, asset, amount)"
                        + "::ledger_transfer order by seq) from unnest($1::text[], $2::text[], $3::date[], $4::bool[],"
                        + " $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[],"
                        + " $12::text[], $13::bigint[]) as t(id, type, business_date, pending, state, created_at, seq,"
                        + " debit_kind, debit_owner, credit_kind, credit_owner, asset, amount)"
                        + " group by id, type, business_date, pending, state, created_at", entries);
        return written
                .chain(() -> writes.resolved().isEmpty() ? Uni.createFrom().voidItem()
                        : conn.preparedQuery("update journal_entry e set state = u.state, resolved_at = $3"
                                        + " from unnest($1::text[], $2::text[]) as u(id, state) where e.id = u.id")
                                .execute(Tuple.of(writes.resolved().keySet().toArray(String[]::new),
                                        writes.resolved().values().stream().map(Enum::name).toArray(String[]::new), at))
                                .replaceWithVoid())
                .chain(() -> writes.updates().isEmpty() ? Uni.createFrom().voidItem()
                        : BALANCES.execute(conn, "update ledger_account a set debits_pending = u.dp, debits_posted ="
                                + " u.dpo, credits_pending = u.cp, credits_posted = u.cpo from unnest($1::text[],"
                                + " $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],"
                                + " $8::bool[]) as u(kind, owner, asset, dp, dpo, cp, cpo, nod) where a.kind = u.kind"
                                + " and a.owner = u.owner and a.asset = u.asset", List.copyOf(writes.updates().entrySet())))
                .chain(() -> writes.inserts().isEmpty() ? Uni.createFrom().voidItem()
                        : BALANCES.execute(conn, "insert into ledger_account (kind, owner, asset, debits_pending,"
                                + " debits_posted, credits_pending, credits_posted, no_overdraft) select * from"
                                + " unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[],"
                                + " $6::bigint[], $7::bigint[], $8::bool[])", List.copyOf(writes.inserts().entrySet())))
                .chain(() -> writeProceeds(conn, writes.proceeds()))
                .chain(() -> writes.events().isEmpty() ? Uni.createFrom().voidItem()
                        : outbox.publishAll(conn, LedgerEntryPosted.TYPE, writes.events()));
    }

    private static Uni<Void> writeProceeds(SqlConnection conn, Map<PartyId, Map<LocalDate, Long>> proceeds) {
        List<UUID> parties = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        proceeds.forEach((party, byDate) -> byDate.forEach((date, fen) -> {
            parties.add(party.value());
            dates.add(date);
            amounts.add(fen);
        }));
        if (parties.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into sale_proceeds (party_id, trade_date, amount_fen) select * from"
                        + " unnest($1::uuid[], $2::date[], $3::bigint[]) on conflict (party_id, trade_date)"
                        + " do update set amount_fen = sale_proceeds.amount_fen + excluded.amount_fen")
                .execute(Tuple.of(parties.toArray(UUID[]::new), dates.toArray(LocalDate[]::new),
                        amounts.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /**
     * A party's accounts and its sale proceeds from {@code from} on, as a ledger to read the party's balances and
     * withdrawable cash from.
     */
    public Uni<Ledger> partyLedger(SqlConnection conn, PartyId party, LocalDate from) {
        return conn.preparedQuery("select kind, asset, debits_pending, debits_posted,"
                        + " credits_pending, credits_posted from ledger_account where owner = $1"
                        + " order by kind, asset")
                .execute(Tuple.of(party.toString()))
                .flatMap(accounts -> conn.preparedQuery("select trade_date, amount_fen from sale_proceeds"
                                + " where party_id = $1 and trade_date >= $2")
                        .execute(Tuple.of(party.value(), from))
                        .map(proceeds -> {
                            Map<AccountKey, Balance> balances = new HashMap<>();
                            accounts.forEach(r -> balances.put(new AccountKey(
                                            AccountKind.valueOf(r.getString("kind")), party.toString(),
                                            Asset.parse(r.getString("asset"))),
                                    new Balance(r.getLong("debits_pending"), r.getLong("debits_posted"),
                                            r.getLong("credits_pending"), r.getLong("credits_posted"))));
                            List<SaleProceeds> sales = new ArrayList<>();
                            proceeds.forEach(r -> sales.add(new SaleProceeds(party,
                                    r.getLocalDate("trade_date"), r.getLong("amount_fen"))));
                            return new Ledger(balances, List.of(), sales);
                        }));
    }

    /** An account's posted balance (credits less debits), zero for an account not opened yet. */
    public Uni<Long> posted(SqlConnection conn, AccountKey account) {
        return conn.preparedQuery("select credits_posted - debits_posted"
                        + " from ledger_account where kind = $1 and owner = $2 and asset = $3")
                .execute(Tuple.of(account.kind().name(), account.owner(), account.asset().code()))
                .map(r -> r.size() == 0 ? 0L : r.iterator().next().getLong(0));
    }

    /** Every party's posted units and available cash (credits less debits), as reconciliation compares them. */
    public Uni<Map<AccountKey, Long>> postedUnitsAndCash(SqlConnection conn) {
        return conn.query("select kind, owner, asset, credits_posted - debits_posted as posted from ledger_account"
                        + " where kind in ('UNITS', 'CASH_AVAILABLE')").execute()
                .map(rows -> {
                    Map<AccountKey, Long> posted = new HashMap<>();
                    rows.forEach(r -> posted.put(new AccountKey(AccountKind.valueOf(r.getString("kind")),
                            r.getString("owner"), new Asset(r.getString("asset"))), r.getLong("posted")));
                    return posted;
                });
    }

    /** Which of {@code ids} the journal holds. */
    public Uni<Set<String>> knownEntries(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("select id from journal_entry where id = any($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(r -> known.add(r.getString("id")));
                    return known;
                });
    }

    /** Whether a failed transaction lost a race another one may have won: worth retrying from the start. */
    public static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && DEADLOCK.equals(pg.getSqlState())) {
                return true;
            }
        }
        return cn.carbonmarket.platform.problem.UniqueViolation.test(failure);
    }

    /** The problem+json error a refusal answers with: 409 for conflicts, 404 for unknown entries, 422 otherwise. */
    public static MarketException problemOf(LedgerRejectedException refused) {
        String code = refused.rejection().name();
        return switch (refused.rejection().kind()) {
            case CONFLICT -> new ConflictException(code, refused.getMessage());
            case NOT_FOUND -> new NotFoundException(code, refused.getMessage());
            case INVALID, RULE -> new RuleViolationException(code, refused.getMessage());
        };
    }
}
