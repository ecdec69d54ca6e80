package cn.carbonmarket.settlement.endofday;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * Keeps clearing and the end-of-day run of one trade date apart: clearing holds the date's lock shared for its
 * transaction, the run holds it exclusively, so a run never misses a trade that commits while it reads, and no trade
 * is cleared into a date after its run. Nothing but SQL (PostgreSQL advisory locks, taken in the caller's
 * transaction): the store of the lock, kept apart from {@link ClearingRunStore} because clearing takes it too.
 */
public final class TradeDateLock {

    /** Distinguishes these advisory locks from any other use of PostgreSQL advisory locks in the database. */
    private static final int NAMESPACE = 0x5e771e;

    private TradeDateLock() {
    }

    /** Takes the date's lock shared and says whether the date is still open (no clearing run yet). */
    public static Uni<Boolean> openForClearing(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select pg_advisory_xact_lock_shared($1, $2),"
                        + " not exists (select 1 from clearing_run where trade_date = $3) as open")
                .execute(Tuple.of(NAMESPACE, (int) tradeDate.toEpochDay(), tradeDate))
                .map(rows -> rows.iterator().next().getBoolean("open"));
    }

    static Uni<Void> exclusive(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select pg_advisory_xact_lock($1, $2)")
                .execute(Tuple.of(NAMESPACE, (int) tradeDate.toEpochDay()))
                .replaceWithVoid();
    }
}
