package cn.carbonmarket.registry.freeze;

import cn.carbonmarket.registry.freeze.FreezeOrders.FreezeOrderView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/** The freeze orders (freeze_order). */
@ApplicationScoped
class FreezeOrderStore {

    /** An ACTIVE order, written in the transaction that books its FREEZE. */
    Uni<Void> insert(SqlConnection conn, FreezeOrderView order) {
        return conn.preparedQuery("insert into freeze_order (id, account_id, instrument, quantity, reason, authority,"
                        + " status, freeze_transaction, ordered_by, ordered_at) values ($1, $2, $3, $4, $5, $6,"
                        + " 'ACTIVE', $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(order.id(), order.account(), order.instrument(), order.quantity(),
                        order.reason(), order.authority(), order.freezeTransaction(), order.orderedBy(),
                        order.orderedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** Marks an ACTIVE order LIFTED by its UNFREEZE; false when it was not ACTIVE. */
    Uni<Boolean> lift(SqlConnection conn, UUID id, UUID liftTransaction, String liftedBy, OffsetDateTime liftedAt) {
        return conn.preparedQuery("update freeze_order set status = 'LIFTED', lift_transaction = $2, lifted_by = $3,"
                        + " lifted_at = $4 where id = $1 and status = 'ACTIVE'")
                .execute(Tuple.of(id, liftTransaction, liftedBy, liftedAt))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The order, or null. */
    Uni<FreezeOrderView> find(SqlConnection conn, UUID id) {
        return conn.preparedQuery("select * from freeze_order where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    private static FreezeOrderView view(Row r) {
        OffsetDateTime liftedAt = r.getOffsetDateTime("lifted_at");
        return new FreezeOrderView(r.getUUID("id"), r.getString("account_id"), r.getString("instrument"),
                r.getLong("quantity"), r.getString("reason"), r.getString("authority"), r.getString("status"),
                r.getUUID("freeze_transaction"), r.getUUID("lift_transaction"), r.getString("ordered_by"),
                r.getOffsetDateTime("ordered_at").toInstant(), r.getString("lifted_by"),
                liftedAt == null ? null : liftedAt.toInstant());
    }
}
