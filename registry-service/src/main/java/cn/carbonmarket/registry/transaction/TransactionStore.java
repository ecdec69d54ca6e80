package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.holding.Holding;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The booked transactions, their lines and the holdings in PostgreSQL, on the connection of the transaction the
 * caller opened: the keys booked before, the locks a booking takes and its rows with their TransactionBooked events;
 * and the transactions read back exactly as stored (the audit chain hashes what this returns).
 */
@ApplicationScoped
public class TransactionStore {

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
    private static final ColumnBatch<Writes.HoldingChange> UPDATES = new ColumnBatch<Writes.HoldingChange>()
            .column(String.class, c -> c.holding().account())
            .column(String.class, c -> c.holding().instrument().toString())
            .column(String.class, c -> c.holding().status().name())
            .column(Long.class, Writes.HoldingChange::delta);
    private static final ColumnBatch<Writes.HoldingChange> INSERTS = new ColumnBatch<Writes.HoldingChange>()
            .column(String.class, c -> c.holding().account())
            .column(String.class, c -> c.holding().instrument().toString())
            .column(String.class, c -> c.holding().status().name())
            .column(Long.class, Writes.HoldingChange::delta)
            .column(Boolean.class, Writes.HoldingChange::mirror);

    /** Each transaction's lines by its key ({@code t.id}), in booking order. */
    private static final String LINES_OF = "cross join lateral (select l.account_id, l.instrument, l.status, l.delta,"
            + " l.line_no from transaction_line l where l.transaction_id = t.id offset 0) l";
    private static final String COLUMNS = "select t.id, t.type, t.initiator, t.booked_at, l.account_id, l.instrument,"
            + " l.status, l.delta from ";

    private final Outbox outbox;

    public TransactionStore(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A transaction booked before under a key: its id and the fingerprint of what it booked. */
    record Previous(UUID id, String fingerprint) {
    }

    /** How many of some keys were booked before, and the first of them. */
    record BookedBefore(long count, String firstKey) {
    }

    /** The touched accounts and the quantities of the touched holdings that have a row, all locked. */
    record Locked(Map<String, AccountSnapshot> accounts, Map<HoldingKey, Long> holdings) {
    }

    /** The transactions booked before under these scoped keys, by key. */
    Uni<Map<String, Previous>> previous(SqlConnection conn, String[] scopedKeys) {
        return conn.preparedQuery("select t.idempotency_key, t.id, t.fingerprint from registry_transaction t"
                        + " join unnest($1::text[]) as k(key) on t.idempotency_key = k.key")
                .execute(Tuple.of(scopedKeys))
                .map(rows -> {
                    Map<String, Previous> previous = new HashMap<>();
                    rows.forEach(r -> previous.put(r.getString("idempotency_key"),
                            new Previous(r.getUUID("id"), r.getString("fingerprint"))));
                    return previous;
                });
    }

    /** How many of these scoped keys were booked before; null when none was. */
    Uni<BookedBefore> bookedBefore(SqlConnection conn, String[] scopedKeys) {
        return conn.preparedQuery("select t.idempotency_key, count(*) over () as booked from registry_transaction t"
                        + " join unnest($1::text[]) as k(key) on t.idempotency_key = k.key"
                        + " order by t.idempotency_key limit 1")
                .execute(Tuple.of(scopedKeys))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row first = rows.iterator().next();
                    return new BookedBefore(first.getLong("booked"), first.getString("idempotency_key"));
                });
    }

    /** The touched accounts share-locked and holdings locked. */
    Uni<Locked> lock(SqlConnection conn, Touched touched) {
        return Uni.combine().all().unis(lockAccounts(conn, touched.accounts()), lockHoldings(conn, touched.holdings()))
                .asTuple().map(t -> new Locked(t.getItem1(), t.getItem2()));
    }

    private static Uni<Map<String, AccountSnapshot>> lockAccounts(SqlConnection conn, List<String> ids) {
        return Account.lockShared(conn, ids).map(locked -> {
            Map<String, AccountSnapshot> accounts = new HashMap<>();
            locked.forEach(a -> accounts.put(a.id, new AccountSnapshot(a.id, a.type, a.state, a.partyId)));
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
     * Writes a booking's rows. A small booking's statements are issued together (Vert.x's transaction still sends
     * each once the one before it has answered); with {@code inTurn} (a bulk booking's) they go one after the other,
     * each table's rows in several chunks.
     */
    Uni<Void> write(SqlConnection conn, Writes writes, boolean inTurn) {
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
        if (inTurn) {
            return Multi.createFrom().iterable(statements).onItem().transformToUniAndConcatenate(Supplier::get)
                    .collect().last().replaceWithVoid();
        }
        return Uni.combine().all().unis(statements.stream().map(Supplier::get).toList()).discardItems();
    }

    /** Every holding of the account, zero or not, by instrument and status. */
    public Uni<List<Holding>> holdingsOf(SqlConnection conn, String account) {
        return conn.preparedQuery("select instrument, status, quantity from holding where account_id = $1"
                        + " order by instrument, status")
                .execute(Tuple.of(account))
                .map(rows -> {
                    List<Holding> holdings = new ArrayList<>(rows.size());
                    rows.forEach(r -> holdings.add(new Holding(new HoldingKey(account,
                            InstrumentCode.parse(r.getString("instrument")),
                            HoldingStatus.valueOf(r.getString("status"))), r.getLong("quantity"))));
                    return holdings;
                });
    }

    public Uni<BookedTransaction> byId(SqlConnection conn, UUID id) {
        return find(conn, "t.id = $1", "t.seq", Tuple.of(id)).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** One page of an account's statement, with each transaction's every line. */
    public Uni<List<BookedTransaction>> statement(SqlConnection conn, StatementPage page) {
        List<Object> args = new ArrayList<>(List.of(page.account()));
        StringBuilder where = new StringBuilder("l2.account_id = $1");
        if (page.type() != null) {
            args.add(page.type().name());
            where.append(" and t2.type = $").append(args.size());
        }
        if (page.from() != null) {
            args.add(page.from());
            where.append(" and t2.booked_at >= $").append(args.size());
        }
        if (page.until() != null) {
            args.add(page.until());
            where.append(" and t2.booked_at < $").append(args.size());
        }
        return find(conn, "t.id in (select l2.transaction_id from transaction_line l2"
                + " join registry_transaction t2 on t2.id = l2.transaction_id where " + where
                + " order by t2.seq desc limit " + page.size() + " offset " + page.offset() + ")", "t.seq desc",
                Tuple.tuple(args));
    }

    /**
     * The transactions of these ids, in booking order, each looked up by its key: given "t.id in (...)" the planner
     * may hash a scan of every transaction booked so far against the ids.
     */
    public Uni<List<BookedTransaction>> withIds(SqlConnection conn, UUID[] ids) {
        return read(conn, COLUMNS + "(select unnest($1::uuid[]) as id) k cross join lateral (select t.id, t.seq, t.type,"
                + " t.initiator, t.booked_at from registry_transaction t where t.id = k.id offset 0) t " + LINES_OF
                + " order by t.seq, l.line_no", Tuple.of(ids));
    }

    /**
     * @param where a condition on {@code t} (registry_transaction), with $n parameters from {@code args}
     * @param order an order over {@code t}, lines follow in booking order
     */
    private static Uni<List<BookedTransaction>> find(SqlConnection conn, String where, String order,
                                                     Tuple args) {
        // "offset 0" keeps the planner from turning the lateral lines into a join it may plan as a scan of every
        // line of a table not analyzed yet.
        return read(conn, COLUMNS + "registry_transaction t " + LINES_OF + " where " + where + " order by " + order
                + ", l.line_no", args);
    }

    private static Uni<List<BookedTransaction>> read(SqlConnection conn, String query, Tuple args) {
        return conn.preparedQuery(query)
                .execute(args)
                .map(rows -> {
                    Map<UUID, List<Row>> byId = new LinkedHashMap<>();
                    rows.forEach(r -> byId.computeIfAbsent(r.getUUID("id"), k -> new ArrayList<>()).add(r));
                    List<BookedTransaction> result = new ArrayList<>(byId.size());
                    byId.forEach((id, lines) -> result.add(toTransaction(id, lines)));
                    return result;
                });
    }

    private static BookedTransaction toTransaction(UUID id, List<Row> lines) {
        Row first = lines.get(0);
        return new BookedTransaction(id, TransactionType.valueOf(first.getString("type")), first.getString("initiator"),
                first.getOffsetDateTime("booked_at").toInstant(),
                lines.stream().map(r -> new BookedTransaction.Line(r.getString("account_id"), r.getString("instrument"),
                        r.getString("status"), r.getLong("delta"))).toList());
    }
}
