package cn.carbonmarket.allocation.reserve;

import cn.carbonmarket.platform.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** All SQL of the stability reserve's ledger. */
@ApplicationScoped
public class ReserveStore {

    private static final String COLUMNS = "movement_id, jurisdiction, instrument, kind, tonnes, reason, status,"
            + " period_id, auction_ref, run_id, clearing_price_fen, threshold_fen, transaction_id, recorded_at,"
            + " booked_at";

    /**
     * Records a movement once by its id; a movement the registry refused is replaced (its instruction was sent
     * again), any other is left as it is.
     */
    public Uni<Void> record(SqlClient sql, ReserveMovement m) {
        return sql.preparedQuery("insert into reserve_movement (" + COLUMNS + ", updated_at) values ($1, $2, $3, $4,"
                        + " $5, $6, $7, $8, $9, $10, $11, $12, null, $13, null, $13) on conflict (movement_id) do update"
                        + " set tonnes = excluded.tonnes, status = excluded.status, threshold_fen = excluded.threshold_fen,"
                        + " updated_at = excluded.updated_at where reserve_movement.status = 'REFUSED'")
                .execute(Tuple.tuple(Arrays.asList(m.movementId(), m.jurisdiction(), m.instrument(), m.kind().name(),
                        m.tonnes(), m.reason(), m.status().name(), m.periodId(), m.auctionRef(),
                        m.runId() == null ? null : UUID.fromString(m.runId()), m.clearingPriceFen(), m.thresholdFen(),
                        utc(m.recordedAt()))))
                .replaceWithVoid();
    }

    /**
     * The registry booked the movement. The transaction id is kept from whichever booking names it first (a release
     * is known booked with its auction's supply, its own RESERVE_RELEASE booking may come after).
     */
    public Uni<Void> booked(SqlClient sql, String movementId, UUID transactionId, Instant at) {
        return sql.preparedQuery("update reserve_movement set status = 'BOOKED', transaction_id = coalesce("
                        + "transaction_id, $2), booked_at = coalesce(booked_at, $3), updated_at = $3"
                        + " where movement_id = $1 and (status <> 'BOOKED' or (transaction_id is null and $2::uuid is"
                        + " not null))")
                .execute(Tuple.of(movementId, transactionId, utc(at))).replaceWithVoid();
    }

    /** The registry refused it: it never happened. A booking is never undone by a refusal. */
    public Uni<Void> refused(SqlClient sql, String movementId, Instant at) {
        return sql.preparedQuery("update reserve_movement set status = 'REFUSED', updated_at = $2"
                        + " where movement_id = $1 and status = 'PENDING'")
                .execute(Tuple.of(movementId, utc(at))).replaceWithVoid();
    }

    /** The clearing price a release was measured against, once its auction closed. */
    public Uni<Void> clearedAt(SqlClient sql, String movementId, Long clearingPriceFen, Instant at) {
        return sql.preparedQuery("update reserve_movement set clearing_price_fen = $2, updated_at = $3"
                        + " where movement_id = $1")
                .execute(Tuple.of(movementId, clearingPriceFen, utc(at))).replaceWithVoid();
    }

    /**
     * What an auction may be offered from the reserve of one instrument: booked in less every release not refused.
     * Takes the transaction's lock on that reserve first, so two preparations never offer the same units.
     */
    public Uni<Long> lockAvailable(SqlClient sql, String jurisdiction, String instrument) {
        return sql.preparedQuery("select pg_advisory_xact_lock(hashtext('stability-reserve:' || $1 || ':' || $2))")
                .execute(Tuple.of(jurisdiction, instrument))
                .chain(() -> sql.preparedQuery("select coalesce(sum(case when kind <> 'RELEASE' and status = 'BOOKED'"
                                + " then tonnes when kind = 'RELEASE' and status <> 'REFUSED' then -tonnes else 0 end), 0)"
                                + " as available from reserve_movement where jurisdiction = $1 and instrument = $2")
                        .execute(Tuple.of(jurisdiction, instrument)))
                .map(rows -> rows.iterator().next().getLong("available"));
    }

    /** The tonnes set aside for a period so far (refusals do not count). */
    public Uni<Long> setAsideFor(SqlClient sql, String periodId) {
        return sql.preparedQuery("select coalesce(sum(tonnes), 0) as tonnes from reserve_movement"
                        + " where period_id = $1 and kind = 'SET_ASIDE' and status <> 'REFUSED'")
                .execute(Tuple.of(periodId))
                .map(rows -> rows.iterator().next().getLong("tonnes"));
    }

    Uni<List<ReserveView.Balance>> balances(SqlClient sql, String jurisdiction) {
        return sql.preparedQuery("select instrument,"
                        + " coalesce(sum(tonnes) filter (where kind <> 'RELEASE' and status = 'BOOKED'), 0)"
                        + " - coalesce(sum(tonnes) filter (where kind = 'RELEASE' and status = 'BOOKED'), 0) as balance,"
                        + " coalesce(sum(tonnes) filter (where kind <> 'RELEASE' and status = 'PENDING'), 0) as pending_in,"
                        + " coalesce(sum(tonnes) filter (where kind = 'RELEASE' and status = 'PENDING'), 0) as pending_out"
                        + " from reserve_movement where jurisdiction = $1 group by instrument order by instrument")
                .execute(Tuple.of(jurisdiction))
                .map(rows -> Rows.all(rows, row -> new ReserveView.Balance(row.getString("instrument"),
                        row.getLong("balance"), row.getLong("pending_in"), row.getLong("pending_out"),
                        row.getLong("balance") - row.getLong("pending_out"))));
    }

    Uni<List<ReserveMovement>> movements(SqlClient sql, String jurisdiction) {
        return sql.preparedQuery("select " + COLUMNS + " from reserve_movement where jurisdiction = $1"
                        + " order by recorded_at, movement_id")
                .execute(Tuple.of(jurisdiction))
                .map(rows -> Rows.all(rows, ReserveStore::movement));
    }

    private static ReserveMovement movement(Row row) {
        UUID run = row.getUUID("run_id");
        UUID transaction = row.getUUID("transaction_id");
        OffsetDateTime booked = row.getOffsetDateTime("booked_at");
        return new ReserveMovement(row.getString("movement_id"), row.getString("jurisdiction"),
                row.getString("instrument"), MovementKind.valueOf(row.getString("kind")), row.getLong("tonnes"),
                row.getString("reason"), MovementStatus.valueOf(row.getString("status")), row.getString("period_id"),
                row.getString("auction_ref"), run == null ? null : run.toString(), row.getLong("clearing_price_fen"),
                row.getLong("threshold_fen"), transaction == null ? null : transaction.toString(),
                row.getOffsetDateTime("recorded_at").toInstant(), booked == null ? null : booked.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
