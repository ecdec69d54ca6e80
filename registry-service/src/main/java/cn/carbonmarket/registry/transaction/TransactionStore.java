package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The booked transactions, their lines and the holdings in PostgreSQL, on the connection of the transaction the
 * caller opened: the keys booked before, the locks a booking takes, and its rows with their TransactionBooked events.
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
}
