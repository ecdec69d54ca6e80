package cn.carbonmarket.registry.audit;

import cn.carbonmarket.contracts.signing.NamedKey;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Appends booked transactions to the tamper-evident audit chain, and re-walks the chain on demand. Each link is an
 * HMAC under the chain key ({@link ChainKeys}), which the database never holds: whoever can change the database's
 * rows can change a transaction but cannot make its link match again.
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
    private final ChainKeys keys;
    /** The last record that may be unkeyed (chained before the key); unset: any prefix of the chain may be. */
    private final Optional<Long> unkeyedUntil;
    private final QueueVacuum pending = new QueueVacuum("audit_pending");
    private volatile boolean running;

    AuditChain(Pool pool, Vertx vertx, AuditStore store, TransactionStore transactions,
               @ConfigProperty(name = "registry.audit.chain-key") String chainKeys,
               @ConfigProperty(name = "registry.audit.unkeyed-until") Optional<Long> unkeyedUntil) {
        this.pool = pool;
        this.keys = new ChainKeys(NamedKey.parseAll(chainKeys));
        this.unkeyedUntil = unkeyedUntil;
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
        String keyId = keys.currentId();
        for (BookedTransaction t : batch) {
            String current = keys.link(keyId, previous, t);
            links.add(new AuditStore.Link(++next, t.id(), previous, current, keyId));
            previous = current;
        }
        return store.append(conn, links)
                .invoke(pending::dequeued)
                .replaceWith(batch.size());
    }

    /**
     * The outcome of re-walking the chain. {@code brokenAt} is null when every record verifies; {@code unkeyed} of the
     * {@code verified} records were chained before the chain had a key and verify only by their unkeyed digest.
     */
    public record Verification(long verified, long unkeyed, long pending, Broken brokenAt) {
        public record Broken(long seq, UUID transactionId, String reason) {
        }
    }

    /** Where a walk has got to: the records verified, how many of them unkeyed, the last hash, whether one was keyed. */
    private record Walked(long verified, long unkeyed, String previousHash, boolean keyed) {

        Walked next(AuditStore.Link record) {
            return new Walked(verified + 1, unkeyed + (record.keyId() == null ? 1 : 0), record.hash(),
                    keyed || record.keyId() != null);
        }
    }

    /** Re-walks the whole chain from the genesis, recomputing every link from the stored transaction rows. */
    public Uni<Verification> verify() {
        return pool.withConnection(conn -> walk(conn, 0, new Walked(0, 0, CanonicalTransaction.GENESIS, false))
                .flatMap(result -> store.pendingCount(conn).map(pendingCount -> new Verification(result.verified(),
                        result.unkeyed(), pendingCount, result.brokenAt()))));
    }

    private Uni<Verification> walk(SqlConnection conn, long afterSeq, Walked walked) {
        return store.after(conn, afterSeq, BATCH)
                .flatMap(page -> {
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(new Verification(walked.verified(), walked.unkeyed(), 0, null));
                    }
                    UUID[] ids = page.stream().map(AuditStore.Link::transactionId).toArray(UUID[]::new);
                    return transactionsById(conn, ids).flatMap(byId -> {
                        Walked at = walked;
                        long expectedSeq = afterSeq;
                        for (AuditStore.Link record : page) {
                            String reason = check(record, ++expectedSeq, at, byId.get(record.transactionId()));
                            if (reason != null) {
                                return Uni.createFrom().item(new Verification(at.verified(), at.unkeyed(), 0,
                                        new Verification.Broken(record.seq(), record.transactionId(), reason)));
                            }
                            at = at.next(record);
                        }
                        return walk(conn, page.get(page.size() - 1).seq(), at);
                    });
                });
    }

    private String check(AuditStore.Link record, long expectedSeq, Walked walked, BookedTransaction t) {
        if (record.seq() != expectedSeq) {
            return "record " + expectedSeq + " is missing";
        }
        if (!walked.previousHash().equals(record.previousHash())) {
            return "its previous hash does not match the record before it";
        }
        if (t == null) {
            return "its transaction is missing";
        }
        if (record.keyId() == null) {
            // Only a record chained before the key may be unkeyed: one after a keyed record was rewritten.
            if (walked.keyed()) {
                return "it has no key after keyed records: its digest is one anyone with the database can compute";
            }
            if (unkeyedUntil.isPresent() && record.seq() > unkeyedUntil.get()) {
                return "it has no key, and every record after " + unkeyedUntil.get() + " must have one"
                        + " (registry.audit.unkeyed-until)";
            }
            return CanonicalTransaction.unkeyedHash(walked.previousHash(), t).equals(record.hash()) ? null
                    : "the transaction no longer matches its recorded hash";
        }
        if (!keys.has(record.keyId())) {
            return "its key " + record.keyId() + " is not configured (registry.audit.chain-key)";
        }
        return keys.verifies(record.keyId(), walked.previousHash(), t, record.hash()) ? null
                : "the transaction no longer matches its recorded hash";
    }

    private Uni<Map<UUID, BookedTransaction>> transactionsById(SqlConnection conn, UUID[] ids) {
        return transactions.withIds(conn, ids).map(list -> {
            Map<UUID, BookedTransaction> byId = new LinkedHashMap<>();
            list.forEach(t -> byId.put(t.id(), t));
            return byId;
        });
    }
}
