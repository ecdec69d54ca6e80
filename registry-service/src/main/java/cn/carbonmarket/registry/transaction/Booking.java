package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.sql.ColumnBatch;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

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

    public Booking(Pool pool, TransactionRules rules, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Outcome(BookedTransaction transaction, boolean replayed) {
    }

    /** The net change of one holding over everything booked together; a mirror account's may go negative. */
    private record HoldingChange(HoldingKey holding, long delta, boolean mirror) {
    }

    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey) {
        return book(movement, initiator, idempotencyKey, (conn, booked) -> Uni.createFrom().voidItem());
    }

    /**
     * The same, with {@code alongside} writing what belongs to the booking (a pledge, a run's record) in its
     * database transaction: both commit or neither. It runs only for a new booking, not for a replay.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey,
                             BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        String scopedKey = TransactionRecord.scopedKey(initiator, idempotencyKey);
        String fingerprint = TransactionRecord.fingerprint(movement, initiator);
        return pool.withTransaction(conn -> replay(conn, scopedKey, fingerprint)
                        .flatMap(previous -> previous != null
                                ? Uni.createFrom().item(new Outcome(previous, true))
                                : bookNew(conn, List.of(new KeyedMovement(idempotencyKey, movement)), initiator)
                                        .map(booked -> new Outcome(booked.get(0).booked(), false))
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
        return conn.preparedQuery("select idempotency_key, count(*) over () as booked from registry_transaction"
                        + " where idempotency_key = any($1) order by idempotency_key limit 1")
                .execute(Tuple.of(keys))
                .flatMap(rows -> {
                    if (rows.size() > 0) {
                        Row first = rows.iterator().next();
                        return Uni.createFrom().failure(new RuleViolationException("ALREADY_BOOKED",
                                first.getLong("booked") + " of the " + keys.length + " movements were booked before"
                                        + " (for example " + first.getString("idempotency_key") + ")"));
                    }
                    return bookNew(conn, movements, initiator).map(List::size);
                });
    }

    private Uni<BookedTransaction> replay(SqlConnection conn, String scopedKey, String fingerprint) {
        return conn.preparedQuery("select id, fingerprint from registry_transaction where idempotency_key = $1")
                .execute(Tuple.of(scopedKey))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    if (!fingerprint.equals(row.getString("fingerprint"))) {
                        return Uni.createFrom().failure(new ConflictException("IDEMPOTENCY_KEY_REUSED",
                                "this idempotency key was used for a different request"));
                    }
                    return TransactionQueries.byId(conn, row.getUUID("id"));
                });
    }

    /**
     * The sorting, checking and row building run on a worker thread: for a migration's hundreds of thousands of
     * movements they take seconds, which the event loop that serves the connection must not spend.
     */
    private Uni<List<TransactionRecord>> bookNew(SqlConnection conn, List<KeyedMovement> movements,
                                                 Initiator initiator) {
        return Uni.createFrom().item(() -> Touched.by(movements)).runSubscriptionOn(WORKERS)
                .flatMap(touched -> lockAccounts(conn, touched.accounts())
                        .flatMap(accounts -> lockHoldings(conn, touched.holdings())
                                .emitOn(WORKERS)
                                .map(current -> check(movements, initiator, accounts, current))))
                .flatMap(writes -> write(conn, writes).replaceWith(writes.records()));
    }

    /** The accounts and holdings a booking touches, each in the order every booking locks them in. */
    private record Touched(List<String> accounts, List<HoldingKey> holdings) {

        static Touched by(List<KeyedMovement> movements) {
            return new Touched(movements.stream().flatMap(m -> m.movement().accounts().stream())
                    .distinct().sorted().toList(),
                    movements.stream().flatMap(m -> m.movement().lines().stream())
                            .map(Movement.Line::holding).distinct().sorted().toList());
        }
    }

    /** Applies the rules to each movement in turn (each sees the holdings the earlier ones leave). */
    private Writes check(List<KeyedMovement> movements, Initiator initiator, Map<String, AccountSnapshot> accounts,
                         Map<HoldingKey, Long> current) {
        Map<HoldingKey, Long> holdings = new HashMap<>(current);
        movements.forEach(m -> holdings.putAll(rules.apply(m.movement(), initiator, accounts, holdings)));
        // PostgreSQL keeps microseconds: truncating here makes the events and the stored rows agree.
        Instant bookedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = TransactionRecord.timeOrderedIds(bookedAt, movements.size());
        List<TransactionRecord> records = IntStream.range(0, movements.size())
                .mapToObj(i -> TransactionRecord.of(ids.get(i), movements.get(i), initiator, bookedAt, accounts))
                .toList();
        return Writes.of(records, accounts, current);
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
                         Map<HoldingKey, Long> existing) {
            List<TransactionRecord.Line> lines = records.stream().flatMap(r -> r.lines().stream()).toList();
            Map<HoldingKey, Long> net = new TreeMap<>();
            lines.forEach(l -> net.merge(l.holding(), l.delta(), Math::addExact));
            List<HoldingChange> updates = new ArrayList<>();
            List<HoldingChange> inserts = new ArrayList<>();
            net.forEach((holding, delta) -> {
                HoldingChange change = new HoldingChange(holding, delta,
                        accounts.get(holding.account()).type().mayGoNegative());
                if (delta != 0) {
                    (existing.containsKey(holding) ? updates : inserts).add(change);
                }
            });
            return new Writes(records, lines, updates, inserts, records.stream()
                    .map(r -> new Outbox.Keyed<>(r.eventKey(), r.event())).toList());
        }
    }

    private Uni<Map<String, AccountSnapshot>> lockAccounts(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("select id, type, state, party_id from account where id = any($1)"
                        + " order by id for share")
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
    private Uni<Map<HoldingKey, Long>> lockHoldings(SqlConnection conn, List<HoldingKey> keys) {
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

    private Uni<Void> write(SqlConnection conn, Writes writes) {
        return TRANSACTIONS.execute(conn, "insert into registry_transaction (id, type, idempotency_key, fingerprint,"
                        + " initiator, booked_at) select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
                        + " $5::text[], $6::timestamptz[])", writes.records())
                .chain(() -> LINES.execute(conn, "insert into transaction_line (transaction_id, line_no, account_id,"
                        + " instrument, status, delta) select * from unnest($1::uuid[], $2::int[], $3::text[],"
                        + " $4::text[], $5::text[], $6::bigint[])", writes.lines()))
                .chain(() -> UPDATES.execute(conn, "update holding h set quantity = h.quantity + d.delta"
                        + " from unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) as d(a, i, s, delta)"
                        + " where h.account_id = d.a and h.instrument = d.i and h.status = d.s", writes.updates()))
                .chain(() -> INSERTS.execute(conn, "insert into holding (account_id, instrument, status, quantity,"
                        + " allow_negative) select * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[],"
                        + " $5::bool[])", writes.inserts()))
                .chain(() -> outbox.publishAll(conn, TransactionBooked.TYPE, writes.events()));
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
