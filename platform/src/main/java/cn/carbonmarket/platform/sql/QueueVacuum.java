package cn.carbonmarket.platform.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Vacuums a queue table (rows inserted, then deleted once handled) while rows leave it. Every poll of such a queue
 * reads its index from the oldest entry, walking past the entries of deleted rows until a vacuum removes them:
 * without one (autovacuum may be off, and its thresholds are a share of the table, far too lax for a table that is
 * mostly deleted rows), each poll costs more the longer the service runs. A small queue vacuumed every few seconds
 * stays cheap to poll and to vacuum.
 * Where the service's database user does not own the table, PostgreSQL skips it with a warning.
 */
public final class QueueVacuum {

    /** Often enough that a poll walks past a few seconds of deleted rows at most. */
    public static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(QueueVacuum.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String table;
    private final AtomicBoolean rowsLeft = new AtomicBoolean();
    private volatile long lastVacuum;

    public QueueVacuum(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.table = table;
        this.lastVacuum = System.nanoTime() - EVERY.toNanos();
    }

    /** Rows left the queue: it is vacuumed when next due. */
    public void dequeued() {
        rowsLeft.set(true);
    }

    /** Vacuums the table when rows left it and the last vacuum is {@link #EVERY} ago; outside any transaction. */
    public Uni<Void> vacuumIfDue(Pool pool) {
        long now = System.nanoTime();
        if (now - lastVacuum < EVERY.toNanos() || !rowsLeft.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        lastVacuum = now;
        // Not truncated: the queue's empty end pages are filled again at once, and truncating them takes the table's
        // exclusive lock and waits for a WAL flush, holding up every transaction that queues a row meanwhile.
        return pool.query("vacuum (truncate false) " + table).execute().replaceWithVoid()
                // A failed vacuum is retried at the next due time; the queue works without it, only slower.
                .onFailure().invoke(failure -> {
                    rowsLeft.set(true);
                    LOG.warnf("vacuum of %s failed: %s", table, failure.getMessage());
                })
                .onFailure().recoverWithNull();
    }
}
