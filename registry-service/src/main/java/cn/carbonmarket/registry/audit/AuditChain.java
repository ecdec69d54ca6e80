package cn.carbonmarket.registry.audit;

import cn.carbonmarket.platform.sql.QueueVacuum;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.TransactionStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
 * transaction is therefore chained shortly after it commits; {@link Verification#pending()} says how many are not
 * chained yet.
 */
@ApplicationScoped
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final int BATCH = 500;
    private static final long IDLE_MS = 100;

    private final Pool pool;
    private final Vertx vertx;
    private final AuditStore store;
    private final TransactionStore transactions;
    private final QueueVacuum pending = new QueueVacuum("audit_pending");
    private volatile boolean running;

    AuditChain(Pool pool, Vertx vertx, AuditStore store, TransactionStore transactions) {
        this.pool = pool;
        this.vertx = vertx;
        this.store = store;
        this.transactions = transactions;
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
        return AuditStore.lockChain(conn);
    }

    /** Chains the oldest unchained transactions; returns how many. */
    public Uni<Integer> chainBatch() {
        return pool.withTransaction(conn -> store.tryLockChain(conn).flatMap(locked -> !locked
                ? Uni.createFrom().item(0)
                : store.head(conn).flatMap(head -> store.pending(conn, BATCH)
                        .flatMap(ids -> ids.length == 0 ? Uni.createFrom().item(List.<BookedTransaction>of())
                                : transactions.withIds(conn, ids))
                        .flatMap(batch -> append(conn, batch, head == null ? 0 : head.seq(),
                                head == null ? CanonicalTransaction.GENESIS : head.hash())))));
    }

    private Uni<Integer> append(SqlConnection conn, List<BookedTransaction> batch, long seq, String hash) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<AuditStore.Link> links = new ArrayList<>(batch.size());
        String previous = hash;
        long next = seq;
        for (BookedTransaction t : batch) {
            String current = CanonicalTransaction.hash(previous, t);
            links.add(new AuditStore.Link(++next, t.id(), previous, current));
            previous = current;
        }
        return store.append(conn, links)
                .invoke(pending::dequeued)
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
                .flatMap(result -> store.pendingCount(conn)
                        .map(pendingCount -> new Verification(result.verified(), pendingCount, result.brokenAt()))));
    }

    private Uni<Verification> walk(SqlConnection conn, long afterSeq, String previousHash, long verified) {
        return store.after(conn, afterSeq, BATCH)
                .flatMap(page -> {
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(new Verification(verified, 0, null));
                    }
                    UUID[] ids = page.stream().map(AuditStore.Link::transactionId).toArray(UUID[]::new);
                    return transactionsById(conn, ids).flatMap(byId -> {
                        String previous = previousHash;
                        long expectedSeq = afterSeq;
                        for (AuditStore.Link record : page) {
                            String reason = check(record, ++expectedSeq, previous, byId.get(record.transactionId()));
                            if (reason != null) {
                                return Uni.createFrom().item(new Verification(record.seq() - 1, 0,
                                        new Verification.Broken(record.seq(), record.transactionId(), reason)));
                            }
                            previous = record.hash();
                        }
                        long last = page.get(page.size() - 1).seq();
                        return walk(conn, last, previous, verified + page.size());
                    });
                });
    }

    private static String check(AuditStore.Link record, long expectedSeq, String previousHash, BookedTransaction t) {
        if (record.seq() != expectedSeq) {
            return "record " + expectedSeq + " is missing";
        }
        if (!previousHash.equals(record.previousHash())) {
            return "its previous hash does not match the record before it";
        }
        if (t == null) {
            return "its transaction is missing";
        }
        if (!CanonicalTransaction.hash(previousHash, t).equals(record.hash())) {
            return "the transaction no longer matches its recorded hash";
        }
        return null;
    }

    private Uni<Map<UUID, BookedTransaction>> transactionsById(SqlConnection conn, UUID[] ids) {
        return transactions.withIds(conn, ids).map(list -> {
            Map<UUID, BookedTransaction> byId = new LinkedHashMap<>();
            list.forEach(t -> byId.put(t.id(), t));
            return byId;
        });
    }
}
