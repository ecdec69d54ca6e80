package cn.carbonmarket.registry.delivery;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/** The delivery runs received and what became of each (delivery_run), stamped by the registry's clock. */
@ApplicationScoped
class DeliveryRunStore {

    private final Clock clock;

    DeliveryRunStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the run's outcome unless the run was booked before; true if it did. A rejected run's record is
     * replaced, a booked run's never changes.
     */
    Uni<Boolean> record(SqlConnection conn, DeliveryInstructions run, String status, UUID transactionId, String code,
                        String reason) {
        return conn.preparedQuery("insert into delivery_run (run_id, trade_date, status, transaction_id, reason_code,"
                        + " reason, received_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict (run_id) do update"
                        + " set status = excluded.status, transaction_id = excluded.transaction_id,"
                        + " reason_code = excluded.reason_code, reason = excluded.reason,"
                        + " received_at = excluded.received_at where delivery_run.status = 'REJECTED'")
                .execute(Tuple.tuple(Arrays.asList(run.runId(), run.tradeDate(), status, transactionId, code, reason,
                        clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount() == 1);
    }
}
