package cn.carbonmarket.registry.audit;

import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.platform.sql.QueueVacuum;
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
    private final QueueVacuum pending = new QueueVacuum("audit_pending");
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
            vertx.setTimer(delayMs, id -> chainBatch().call(() -> pending.vacuumIfDue(pool)).subscribe().with(
                    chained -> schedule(chained == BATCH ? 1 : IDLE_MS),
                    failure -> {
                        if (running) {
                            LOG.warnf("audit chaining failed, retrying: %s", failure.getMessage());
                            schedule(1000);
                        }
                    }));
        }
    }

    /**
     * Keeps the chainer out until the caller's transaction ends, for one that books transactions by the hundred
     * thousand (a migration): each round would walk the queue's index past all of them, not committed yet.
     */
    public static Uni<Void> holdOff(SqlConnection conn) {
        return conn.query("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").execute().replaceWithVoid();
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
                            return TransactionQueries.withIds(conn, "select transaction_id as id from audit_pending"
                                    + " order by transaction_seq limit " + BATCH, Tuple.tuple())
                                    .flatMap(batch -> append(conn, batch, seq, hash));
                        })));
    }

    private Uni<Integer> append(SqlConnection conn, List<BookedTransaction> batch, long seq, String hash) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Link> links = new ArrayList<>(batch.size());
        String previous = hash;
        long next = seq;
        for (BookedTransaction t : batch) {
            String current = CanonicalTransaction.hash(previous, t);
            links.add(new Link(++next, t.id(), previous, current));
            previous = current;
        }
        // The chained transactions stop waiting with their record.
        return Uni.combine().all().unis(
                        RECORDS.execute(conn, "insert into audit_record (seq, transaction_id, prev_hash, hash, chained_at)"
                                + " select s, t, p, h, now() from unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[])"
                                + " as r(s, t, p, h)", links),
                        conn.preparedQuery("delete from audit_pending where transaction_id = any($1)")
                                .execute(Tuple.of(links.stream().map(Link::transactionId).toArray(UUID[]::new))))
                .discardItems()
                .invoke(pending::dequeued)
                .replaceWith(batch.size());
    }

    /** One new audit record: its place in the chain, its transaction and the hashes that link it. */
    private record Link(long seq, UUID transactionId, String previousHash, String hash) {
    }

    private static final ColumnBatch<Link> RECORDS = new ColumnBatch<Link>()
            .column(Long.class, Link::seq)
            .column(UUID.class, Link::transactionId)
            .column(String.class, Link::previousHash)
            .column(String.class, Link::hash);

    /** The outcome of re-walking the chain. {@code brokenAt} is null when every record verifies. */
    public record Verification(long verified, long pending, Broken brokenAt) {
        public record Broken(long seq, UUID transactionId, String reason) {
        }
    }

    /** Re-walks the whole chain from the genesis, recomputing every hash from the stored transaction rows. */
    public Uni<Verification> verify() {
        return pool.withConnection(conn -> walk(conn, 0, CanonicalTransaction.GENESIS, 0)
                .flatMap(result -> conn.query("select count(*) from audit_pending")
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
        return TransactionQueries.withIds(conn, "select unnest($1::uuid[]) as id", Tuple.of(ids)).map(list -> {
            Map<UUID, BookedTransaction> byId = new LinkedHashMap<>();
            list.forEach(t -> byId.put(t.id(), t));
            return byId;
        });
    }
}
