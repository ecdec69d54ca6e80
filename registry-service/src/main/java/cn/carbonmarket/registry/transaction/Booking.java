package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.id.TimeOrderedIds;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Books movements: checks them against the rules with the touched accounts shared-locked and holdings locked in
 * a fixed order, then writes the transactions, their lines, the holdings and the TransactionBooked events in one
 * database transaction. One movement ({@link #book}) or many ({@link #bookAll}) take the same path, so their rows
 * are alike. Idempotent per (initiator, key): the same key and movement return the first booking; the same key with
 * another movement is a conflict.
 */
@ApplicationScoped
public class Booking {

    private static final String CHECK_VIOLATION = "23514";
    private static final Executor WORKERS = Infrastructure.getDefaultWorkerPool();

    private static final ColumnBatch<TransactionRecord> TRANSACTIONS = new ColumnBatch<TransactionRecord>()
            .column(UUID.class, TransactionRecord::id)
            .column(String.class, t -> t.movement().type().name())
            .column(String.class, TransactionRecord::scopedKey)
            .column(String.class, TransactionRecord::fingerprint)
            .column(String.class, TransactionRecord::initiator)
            .column(OffsetDateTime.class, t -> t.bookedAt().atOffset(ZoneOffset.UTC));
    private static final ColumnBatch<TransactionRecord.Line> LINES = new ColumnBatch<TransactionRecord.Line>()
            .column(UUID.class, TransactionRecord.Line::transactionId)
            .column(Integer.class, TransactionRecord.Line::lineNo)
            .column(String.class, l -> l.holding().account())
            .column(String.class, l -> l.holding().instrument().toString())
            .column(String.class, l -> l.holding().status().name())
            .column(Long.class, TransactionRecord.Line::delta);
    private static final ColumnBatch<HoldingChange> UPDATES = new ColumnBatch<HoldingChange>()
            .column(String.class, c -> c.holding().account())
            .column(String.class, c -> c.holding().instrument().toString())
            .column(String.class, c -> c.holding().status().name())
            .column(Long.class, HoldingChange::delta);
    private static final ColumnBatch<HoldingChange> INSERTS = new ColumnBatch<HoldingChange>()
            .column(String.class, c -> c.holding().account())
            .column(String.class, c -> c.holding().instrument().toString())
            .column(String.class, c -> c.holding().status().name())
            .column(Long.class, HoldingChange::delta)
            .column(Boolean.class, HoldingChange::mirror);

    private final Pool pool;
    private final TransactionRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final GroupCommit<Request, Outcome> groupCommit;
    private final int bulkFrom;
    private final int bulkSlice;

    public Booking(Pool pool, TransactionRules rules, Outbox outbox, Clock clock, BookingConfig config) {
        this.pool = pool;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.groupCommit = new GroupCommit<>(config.concurrentBatches(), config.maxBatchSize(), this::bookTogether);
        this.bulkFrom = config.bulkFrom();
        this.bulkSlice = config.bulkSlice();
    }

    public record Outcome(BookedTransaction transaction, boolean replayed) {
    }

    /** A movement to book, under its key, for its initiator. */
    private record Request(KeyedMovement keyed, Initiator initiator) {

        String scopedKey() {
            return TransactionRecord.scopedKey(initiator, keyed.idempotencyKey());
        }

        String fingerprint() {
            return TransactionRecord.fingerprint(keyed.movement(), initiator);
        }
    }

    /** A request after the rules: its record to write, or why it was refused. */
    private record Checked(Request request, TransactionRecord record, RuntimeException refusal) {
    }

    /** A transaction booked before under a request's key: its id and the fingerprint of what it booked. */
    private record Previous(UUID id, String fingerprint) {
    }

    /** The net change of one holding over everything booked together; a mirror account's may go negative. */
    private record HoldingChange(HoldingKey holding, long delta, boolean mirror) {
    }

    /**
     * Books one movement, together with whatever other movements are waiting (group commit): each is checked on its
     * own, so a refusal refuses only its own request.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey) {
        return groupCommit.submit(new Request(new KeyedMovement(idempotencyKey, movement), initiator));
    }

    /**
     * The same, with {@code alongside} writing what belongs to the booking (a pledge, a run's record) in its
     * database transaction: both commit or neither. It runs only for a new booking, not for a replay.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey,
                             BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        Request request = new Request(new KeyedMovement(idempotencyKey, movement), initiator);
        return pool.withTransaction(conn -> previous(conn, List.of(request))
                        .flatMap(previous -> previous.containsKey(request.scopedKey())
                                ? replay(conn, request, previous.get(request.scopedKey()))
                                : bookNew(conn, List.of(request), false)
                                        .map(checked -> new Outcome(checked.get(0).record().booked(), false))
                                        .call(outcome -> alongside.apply(conn, outcome.transaction()))))
                // A concurrent booking won an insert (its idempotency key, or a new holding): the retry finds and replays
                // the booking, or updates the holding.
                .onFailure(UniqueViolation::test).retry().atMost(1)
                .onFailure(Booking::isOverdraft).transform(f -> new RuleViolationException("INSUFFICIENT_UNITS",
                        "a concurrent movement used the units first; nothing was booked"));
    }

    /**
     * Books many new movements inside the caller's database transaction, checked in list order (each sees the
     * holdings the earlier ones leave) and written with one statement per table and chunk. For bulk work such as a
     * pilot migration: nothing is replayed, a key booked before refuses the whole batch ({@code ALREADY_BOOKED}).
     *
     * @return how many transactions were booked
     */
    public Uni<Integer> bookAll(SqlConnection conn, List<KeyedMovement> movements, Initiator initiator) {
        String[] keys = movements.stream().map(m -> TransactionRecord.scopedKey(initiator, m.idempotencyKey()))
                .toArray(String[]::new);
        return conn.preparedQuery("select t.idempotency_key, count(*) over () as booked from registry_transaction t"
                        + " join unnest($1::text[]) as k(key) on t.idempotency_key = k.key"
                        + " order by t.idempotency_key limit 1")
                .execute(Tuple.of(keys))
                .flatMap(rows -> {
                    if (rows.size() > 0) {
                        Row first = rows.iterator().next();
                        return Uni.createFrom().failure(new RuleViolationException("ALREADY_BOOKED",
                                first.getLong("booked") + " of the " + keys.length + " movements were booked before"
                                        + " (for example " + first.getString("idempotency_key") + ")"));
                    }
                    return bookNew(conn, movements.stream().map(m -> new Request(m, initiator)).toList(), false)
                            .map(List::size);
                });
    }

    /**
     * One batch of the group commit, in one database transaction: replays for keys booked before, the others
     * checked in arrival order and written together. Outcomes are handed out only once the batch committed. Should
     * the batch fail as a whole (a concurrent insert of the same key or of a new holding), each request is booked
     * on its own instead.
     */
    private Uni<Void> bookTogether(List<GroupCommit.Pending<Request, Outcome>> batch) {
        // One request per key in a batch: a repeat waits for the next batch, where it replays the first.
        Map<String, GroupCommit.Pending<Request, Outcome>> byKey = new LinkedHashMap<>();
        List<GroupCommit.Pending<Request, Outcome>> repeats = new ArrayList<>();
        batch.forEach(p -> {
            if (byKey.putIfAbsent(p.request().scopedKey(), p) != null) {
                repeats.add(p);
            }
        });
        List<GroupCommit.Pending<Request, Outcome>> unique = List.copyOf(byKey.values());
        List<Request> requests = unique.stream().map(GroupCommit.Pending::request).toList();
        Touched touched = Touched.by(requests);
        // The keys' earlier bookings and the locks; a replay's rows are locked needlessly, rarely.
        return pool.withTransaction(conn -> Uni.combine().all().unis(previous(conn, requests), lock(conn, touched))
                .asTuple().flatMap(found -> {
                    Map<String, Previous> previous = found.getItem1();
                    List<Request> fresh = requests.stream().filter(r -> !previous.containsKey(r.scopedKey())).toList();
                    CheckedBatch checked = new Checking(found.getItem2(), fresh.size()).check(fresh, true);
                    return write(conn, checked.writes(), false).chain(() -> replays(conn, requests, previous))
                            .map(replayed -> {
                                Map<Request, Uni<Outcome>> outcomes = new IdentityHashMap<>(replayed);
                                checked.requests().forEach(c -> outcomes.put(c.request(), c.refusal() != null
                                        ? Uni.createFrom().failure(c.refusal())
                                        : Uni.createFrom().item(new Outcome(c.record().booked(), false))));
                                return outcomes;
                            });
                }))
                .invoke(outcomes -> unique.forEach(p -> outcomes.get(p.request()).subscribe()
                        .with(p.outcome()::complete, p.outcome()::completeExceptionally)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> Multi.createFrom().iterable(unique)
                        .onItem().transformToUniAndConcatenate(p -> book(p.request().keyed().movement(),
                                        p.request().initiator(), p.request().keyed().idempotencyKey(), NOTHING_ALONGSIDE)
                                .invoke(p.outcome()::complete)
                                .onFailure().invoke(p.outcome()::completeExceptionally)
                                .onFailure().recoverWithNull())
                        .collect().last().replaceWithVoid())
                .invoke(() -> repeats.forEach(groupCommit::enqueue));
    }

    private static final BiFunction<SqlConnection, BookedTransaction, Uni<Void>> NOTHING_ALONGSIDE =
            (conn, booked) -> Uni.createFrom().voidItem();

    /** The transactions booked before under the requests' keys, by scoped key. */
    private static Uni<Map<String, Previous>> previous(SqlConnection conn, List<Request> requests) {
        return conn.preparedQuery("select t.idempotency_key, t.id, t.fingerprint from registry_transaction t"
                        + " join unnest($1::text[]) as k(key) on t.idempotency_key = k.key")
                .execute(Tuple.of(requests.stream().map(Request::scopedKey).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Previous> previous = new HashMap<>();
                    rows.forEach(r -> previous.put(r.getString("idempotency_key"),
                            new Previous(r.getUUID("id"), r.getString("fingerprint"))));
                    return previous;
                });
    }

    /** The outcome of every request whose key was booked before: the first booking, or a conflict. */
    private static Uni<Map<Request, Uni<Outcome>>> replays(SqlConnection conn, List<Request> requests,
                                                           Map<String, Previous> previous) {
        List<Request> repeated = requests.stream().filter(r -> previous.containsKey(r.scopedKey())).toList();
        Map<Request, Uni<Outcome>> outcomes = new IdentityHashMap<>();
        return Multi.createFrom().iterable(repeated)
                .onItem().transformToUniAndConcatenate(r -> replay(conn, r, previous.get(r.scopedKey()))
                        .onFailure(ConflictException.class).recoverWithItem(() -> null)
                        .invoke(outcome -> outcomes.put(r, outcome != null ? Uni.createFrom().item(outcome)
                                : Uni.createFrom().failure(keyReused()))))
                .collect().last()
                .replaceWith(outcomes);
    }

    private static Uni<Outcome> replay(SqlConnection conn, Request request, Previous previous) {
        if (!request.fingerprint().equals(previous.fingerprint())) {
            return Uni.createFrom().failure(keyReused());
        }
        return TransactionQueries.byId(conn, previous.id()).map(booked -> new Outcome(booked, true));
    }

    private static ConflictException keyReused() {
        return new ConflictException("IDEMPOTENCY_KEY_REUSED", "this idempotency key was used for a different request");
    }

    /**
     * Checks and writes new bookings; with {@code isolate} a refused request is left out and the others booked,
     * without it a refusal fails them all. The sorting, checking and row building of a bulk booking (a migration's
     * hundreds of thousands of movements take seconds) run on a worker thread, which the event loop that serves the
     * connection must not spend, slice by slice: while one slice's rows are written, the next is checked and built.
     */
    private Uni<List<Checked>> bookNew(SqlConnection conn, List<Request> requests, boolean isolate) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (requests.size() < bulkFrom) {
            return lock(conn, Touched.by(requests)).flatMap(locked -> {
                CheckedBatch checked = new Checking(locked, requests.size()).check(requests, isolate);
                return write(conn, checked.writes(), false).replaceWith(checked.requests());
            });
        }
        List<Checked> checked = new ArrayList<>(requests.size());
        return Uni.createFrom().item(() -> Touched.by(requests)).runSubscriptionOn(WORKERS)
                .flatMap(touched -> lock(conn, touched).emitOn(WORKERS))
                .flatMap(locked -> {
                    Checking checking = new Checking(locked, requests.size());
                    Iterator<List<Request>> slices = ColumnBatch.chunks(requests, bulkSlice).iterator();
                    return bookSlices(conn, checking, slices, isolate, build(checking, slices.next(), isolate),
                            checked);
                })
                .replaceWith(checked);
    }

    /**
     * Writes a slice once it is built, the next one being checked and built meanwhile, so that the database and the
     * service work side by side instead of taking turns.
     */
    private Uni<Void> bookSlices(SqlConnection conn, Checking checking, Iterator<List<Request>> slices,
                                 boolean isolate, CompletableFuture<CheckedBatch> slice, List<Checked> checked) {
        return Uni.createFrom().completionStage(slice).flatMap(batch -> {
            checked.addAll(batch.requests());
            CompletableFuture<CheckedBatch> next = slices.hasNext() ? build(checking, slices.next(), isolate) : null;
            Uni<Void> written = write(conn, batch.writes(), true);
            return next == null ? written
                    : written.chain(() -> bookSlices(conn, checking, slices, isolate, next, checked));
        });
    }

    private static CompletableFuture<CheckedBatch> build(Checking checking, List<Request> slice, boolean isolate) {
        return CompletableFuture.supplyAsync(() -> checking.check(slice, isolate), WORKERS);
    }

    /** The touched accounts share-locked and holdings locked. */
    private static Uni<Locked> lock(SqlConnection conn, Touched touched) {
        return Uni.combine().all().unis(lockAccounts(conn, touched.accounts()), lockHoldings(conn, touched.holdings()))
                .asTuple().map(t -> new Locked(t.getItem1(), t.getItem2()));
    }

    private record Locked(Map<String, AccountSnapshot> accounts, Map<HoldingKey, Long> holdings) {
    }

    /** The accounts and holdings a booking touches, each in the order every booking locks them in. */
    private record Touched(List<String> accounts, List<HoldingKey> holdings) {

        static Touched by(List<Request> requests) {
            return new Touched(requests.stream().flatMap(r -> r.keyed().movement().accounts().stream())
                    .distinct().sorted().toList(),
                    requests.stream().flatMap(r -> r.keyed().movement().lines().stream())
                            .map(Movement.Line::holding).distinct().sorted().toList());
        }
    }

    private record CheckedBatch(List<Checked> requests, Writes writes) {
    }

    /**
     * The rules applied to one movement after another, each seeing the holdings the ones before it leave, in one
     * list or in consecutive slices of one.
     */
    private final class Checking {

        private final Map<String, AccountSnapshot> accounts;
        private final Map<HoldingKey, Long> holdings;
        /** The holdings that have a row: locked, or inserted by an earlier slice. */
        private final Set<HoldingKey> stored;
        // PostgreSQL keeps microseconds: truncating here makes the events and the stored rows agree.
        private final Instant bookedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        private final Iterator<UUID> ids;

        Checking(Locked locked, int movements) {
            accounts = locked.accounts();
            holdings = new HashMap<>(locked.holdings());
            stored = new HashSet<>(locked.holdings().keySet());
            ids = TimeOrderedIds.consecutive(bookedAt, movements).iterator();
        }

        CheckedBatch check(List<Request> requests, boolean isolate) {
            List<Checked> checked = new ArrayList<>(requests.size());
            for (Request request : requests) {
                UUID id = ids.next();
                try {
                    holdings.putAll(rules.apply(request.keyed().movement(), request.initiator(), accounts, holdings));
                    checked.add(new Checked(request, TransactionRecord.of(id, request.keyed(), request.initiator(),
                            bookedAt, accounts), null));
                } catch (RuleViolationException refusal) {
                    if (!isolate) {
                        throw refusal;
                    }
                    checked.add(new Checked(request, null, refusal));
                }
            }
            List<TransactionRecord> records = checked.stream().map(Checked::record).filter(Objects::nonNull).toList();
            Writes writes = Writes.of(records, accounts, stored);
            writes.inserts().forEach(insert -> stored.add(insert.holding()));
            return new CheckedBatch(checked, writes);
        }
    }

    /** Every row a booking writes, worked out before the first statement. */
    private record Writes(List<TransactionRecord> records, List<TransactionRecord.Line> lines,
                          List<HoldingChange> updates, List<HoldingChange> inserts,
                          List<Outbox.Keyed<TransactionBooked>> events) {

        /**
         * The holdings that exist (and are locked) change by an update, the others are inserted. A concurrent booking
         * may insert one of the latter first: the insert then fails on its key, and {@link #book} retries.
         */
        static Writes of(List<TransactionRecord> records, Map<String, AccountSnapshot> accounts,
                         Set<HoldingKey> stored) {
            List<TransactionRecord.Line> lines = records.stream().flatMap(r -> r.lines().stream()).toList();
            Map<HoldingKey, Long> net = new TreeMap<>();
            lines.forEach(l -> net.merge(l.holding(), l.delta(), Math::addExact));
            List<HoldingChange> updates = new ArrayList<>();
            List<HoldingChange> inserts = new ArrayList<>();
            net.forEach((holding, delta) -> {
                HoldingChange change = new HoldingChange(holding, delta,
                        accounts.get(holding.account()).type().mayGoNegative());
                if (delta != 0) {
                    (stored.contains(holding) ? updates : inserts).add(change);
                }
            });
            return new Writes(records, lines, updates, inserts, records.stream()
                    .map(r -> new Outbox.Keyed<>(r.eventKey(), r.event())).toList());
        }
    }

    private static Uni<Map<String, AccountSnapshot>> lockAccounts(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("select a.id, a.type, a.state, a.party_id from account a"
                        + " join unnest($1::text[]) as k(id) on a.id = k.id order by a.id for share of a")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, AccountSnapshot> accounts = new HashMap<>();
                    rows.forEach(r -> accounts.put(r.getString("id"), new AccountSnapshot(r.getString("id"),
                            AccountType.valueOf(r.getString("type")), AccountState.valueOf(r.getString("state")),
                            r.getUUID("party_id"))));
                    return accounts;
                });
    }

    /** Holdings are locked in HoldingKey order, the same in every booking, so bookings never deadlock. */
    private static Uni<Map<HoldingKey, Long>> lockHoldings(SqlConnection conn, List<HoldingKey> keys) {
        return conn.preparedQuery("select h.account_id, h.instrument, h.status, h.quantity from holding h"
                        + " join unnest($1::text[], $2::text[], $3::text[]) as k(a, i, s)"
                        + " on h.account_id = k.a and h.instrument = k.i and h.status = k.s"
                        + " order by h.account_id, h.instrument, h.status for update of h")
                .execute(Tuple.of(keys.stream().map(HoldingKey::account).toArray(String[]::new),
                        keys.stream().map(k -> k.instrument().toString()).toArray(String[]::new),
                        keys.stream().map(k -> k.status().name()).toArray(String[]::new)))
                .map(rows -> {
                    Map<HoldingKey, Long> current = new HashMap<>();
                    rows.forEach(r -> current.put(new HoldingKey(r.getString("account_id"),
                            InstrumentCode.parse(r.getString("instrument")),
                            HoldingStatus.valueOf(r.getString("status"))), r.getLong("quantity")));
                    return current;
                });
    }

    /**
     * A small booking's statements are issued together (Vert.x's transaction still sends each once the one before
     * it has answered). A bulk one's go one after the other, each table's rows in several chunks.
     */
    private Uni<Void> write(SqlConnection conn, Writes writes, boolean bulk) {
        List<Supplier<Uni<Void>>> statements = List.of(
                // Each new transaction joins the audit chain's queue (AuditChain) with the sequence number it was
                // given, in the same statement.
                () -> TRANSACTIONS.execute(conn, "with t as (insert into registry_transaction (id, type,"
                        + " idempotency_key, fingerprint, initiator, booked_at) select * from unnest($1::uuid[],"
                        + " $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) returning seq, id)"
                        + " insert into audit_pending (transaction_seq, transaction_id) select seq, id from t",
                        writes.records()),
                () -> LINES.execute(conn, "insert into transaction_line (transaction_id, line_no, account_id,"
                        + " instrument, status, delta) select * from unnest($1::uuid[], $2::int[], $3::text[],"
                        + " $4::text[], $5::text[], $6::bigint[])", writes.lines()),
                () -> UPDATES.execute(conn, "update holding h set quantity = h.quantity + d.delta"
                        + " from unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) as d(a, i, s, delta)"
                        + " where h.account_id = d.a and h.instrument = d.i and h.status = d.s", writes.updates()),
                () -> INSERTS.execute(conn, "insert into holding (account_id, instrument, status, quantity,"
                        + " allow_negative) select * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[],"
                        + " $5::bool[])", writes.inserts()),
                () -> outbox.publishAll(conn, TransactionBooked.TYPE, writes.events()));
        if (bulk) {
            return Multi.createFrom().iterable(statements).onItem().transformToUniAndConcatenate(Supplier::get)
                    .collect().last().replaceWithVoid();
        }
        return Uni.combine().all().unis(statements.stream().map(Supplier::get).toList()).discardItems();
    }

    private static boolean isOverdraft(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && CHECK_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
