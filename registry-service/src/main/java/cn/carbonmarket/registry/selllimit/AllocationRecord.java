package cn.carbonmarket.registry.selllimit;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** What an account's transactions say about one instrument: its free allocation received and what it surrendered. */
@ApplicationScoped
class AllocationRecord {

    /**
     * @param freeAllocation the FREE_ALLOCATION issues (ALLOCATION) net of claw-backs (ALLOCATION_RETURN)
     * @param surrendered    what the account surrendered of the instrument
     */
    record Figures(long freeAllocation, long surrendered) {
    }

    Uni<Figures> of(SqlConnection conn, String account, InstrumentCode instrument) {
        return conn.preparedQuery("select coalesce(sum(l.delta) filter (where t.type <> 'SURRENDER'), 0) as allocated,"
                        + " coalesce(-sum(l.delta) filter (where t.type = 'SURRENDER'), 0) as surrendered"
                        + " from transaction_line l join registry_transaction t on t.id = l.transaction_id"
                        + " where l.account_id = $1 and l.instrument = $2"
                        + " and t.type in ('ALLOCATION', 'ALLOCATION_RETURN', 'SURRENDER')")
                .execute(Tuple.of(account, instrument.toString()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Figures(row.getLong("allocated"), row.getLong("surrendered"));
                });
    }
}
