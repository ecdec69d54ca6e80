package cn.carbonmarket.registry.audit;

import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.TransactionQueries;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Appends booked transactions to the tamper-evident audit chain, and re-walks the chain on demand.
 *
 * <p>Chaining runs after the booking commits, in batches, by one chainer at a time (advisory lock): a hash chain
 * is a single sequence, and building it inside every booking would make all bookings wait on one row. A booked
 * transaction is therefore chained a few milliseconds later; {@link Verification#pending()} says how many are not
 * chained yet.
 */
@ApplicationScoped
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final long CHAIN_LOCK = 0x6175646974L;
    private static final int BATCH = 500;
    private static final long IDLE_MS = 100;

    private final Pool pool;
    private final Vertx vertx;
    private volatile boolean running;

    public AuditChain(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        schedule(IDLE_MS);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void schedule(long delayMs) {
        if (running) {
            vertx.setTimer(delayMs, id -> chainBatch().subscribe().with(
                    chained -> schedule(chained == BATCH ? 1 : IDLE_MS),
                    failure -> {
                        if (running) {
                            LOG.warnf("audit chaining failed, retrying: %s", failure.getMessage());
                            schedule(1000);
                        }
                    }));
        }
    }

    /** Chains the oldest unchained transactions; returns how many. */
    public Uni<Integer> chainBatch() {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + CHAIN_LOCK + ")").execute()
                .flatMap(lock -> !lock.iterator().next().getBoolean(0) ? Uni.createFrom().item(0)
                        : conn.query("select seq, hash from audit_record order by seq desc limit 1").execute()
                        .flatMap(head -> {
                            Row last = head.size() == 0 ? null : head.iterator().next();
                            long seq = last == null ? 0 : last.getLong("seq");
                            String hash = last == null ? CanonicalTransaction.GENESIS : last.getString("hash");
                            return TransactionQueries.find(conn, "t.id in (select id from registry_transaction"
                                    + " where audit_seq is null order by seq limit " + BATCH + ")", "t.seq",
                                    Tuple.tuple()).flatMap(batch -> append(conn, batch, seq, hash));
                        })));
    }

    private Uni<Integer> append(SqlConnection conn, List<BookedTransaction> batch, long seq, String hash) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> records = new ArrayList<>();
        List<Tuple> links = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        String previous = hash;
        long next = seq;
        for (BookedTransaction t : batch) {
            next++;
            String current = CanonicalTransaction.hash(previous, t);
            records.add(Tuple.of(next, t.id(), previous, current, now));
            links.add(Tuple.of(next, t.id()));
            previous = current;
        }
        return conn.preparedQuery("insert into audit_record (seq, transaction_id, prev_hash, hash, chained_at)"
                        + " values ($1, $2, $3, $4, $5)").executeBatch(records)
                .flatMap(r -> conn.preparedQuery("update registry_transaction set audit_seq = $1 where id = $2")
                        .executeBatch(links))
                .replaceWith(batch.size());
    }

    /** The outcome of re-walking the chain. {@code brokenAt} is null when every record verifies. */
    public record Verification(long verified, long pending, Broken brokenAt) {
        public record Broken(long seq, UUID transactionId, String reason) {
        }
    }

    /** Re-walks the whole chain from the genesis, recomputing every hash from the stored transaction rows. */
    public Uni<Verification> verify() {
        return pool.withConnection(conn -> walk(conn, 0, CanonicalTransaction.GENESIS, 0)
                .flatMap(result -> conn.query("select count(*) from registry_transaction where audit_seq is null")
                        .execute().map(rows -> new Verification(result.verified(),
                                rows.iterator().next().getLong(0), result.brokenAt()))));
    }

    private Uni<Verification> walk(SqlConnection conn, long afterSeq, String previousHash, long verified) {
        return conn.preparedQuery("select seq, transaction_id, prev_hash, hash from audit_record where seq > $1"
                        + " order by seq limit " + BATCH).execute(Tuple.of(afterSeq))
                .flatMap(records -> {
                    if (records.size() == 0) {
                        return Uni.createFrom().item(new Verification(verified, 0, null));
                    }
                    List<Row> page = new ArrayList<>();
                    records.forEach(page::add);
                    UUID[] ids = page.stream().map(r -> r.getUUID("transaction_id")).toArray(UUID[]::new);
                    return transactionsById(conn, ids).flatMap(byId -> {
                        String previous = previousHash;
                        long expectedSeq = afterSeq;
                        for (Row record : page) {
                            long seq = record.getLong("seq");
                            UUID id = record.getUUID("transaction_id");
                            String reason = check(record, ++expectedSeq, previous, byId.get(id));
                            if (reason != null) {
                                return Uni.createFrom().item(new Verification(seq - 1, 0,
                                        new Verification.Broken(seq, id, reason)));
                            }
                            previous = record.getString("hash");
                        }
                        long last = page.get(page.size() - 1).getLong("seq");
                        return walk(conn, last, previous, verified + page.size());
                    });
                });
    }

    private static String check(Row record, long expectedSeq, String previousHash, BookedTransaction t) {
        if (record.getLong("seq") != expectedSeq) {
            return "record " + expectedSeq + " is missing";
        }
        if (!previousHash.equals(record.getString("prev_hash"))) {
            return "its previous hash does not match the record before it";
        }
        if (t == null) {
            return "its transaction is missing";
        }
        if (!CanonicalTransaction.hash(previousHash, t).equals(record.getString("hash"))) {
            return "the transaction no longer matches its recorded hash";
        }
        return null;
    }

    private Uni<Map<UUID, BookedTransaction>> transactionsById(SqlConnection conn, UUID[] ids) {
        return TransactionQueries.find(conn, "t.id = any($1)", "t.seq", Tuple.of(ids)).map(list -> {
            Map<UUID, BookedTransaction> byId = new LinkedHashMap<>();
            list.forEach(t -> byId.put(t.id(), t));
            return byId;
        });
    }
}
