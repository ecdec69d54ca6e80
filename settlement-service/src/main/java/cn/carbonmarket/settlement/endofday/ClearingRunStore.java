package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.settlement.clearing.NetPosition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The SQL of clearing_run and net_position: a trade date's run, its net positions and its delivery at the registry.
 * Runs on the caller's transaction: its connection, or the session of the consumer that records the registry's
 * answers ({@link RegistryAnswers}). {@link TradeDateLock} reads whether a date has a run, under the date's lock.
 */
@ApplicationScoped
public class ClearingRunStore {

    private static final ColumnBatch<PositionRow> POSITIONS = new ColumnBatch<PositionRow>()
            .column(String.class, PositionRow::runId)
            .column(UUID.class, r -> r.position().party().value())
            .column(String.class, r -> r.position().instrument().toString())
            .column(Long.class, r -> r.position().netUnits())
            .column(Long.class, r -> r.position().netCashFen());

    private record PositionRow(String runId, NetPosition position) {
    }

    /** The columns {@link #deliveryOf} reads, for a select list over {@code clearing_run}. */
    private static final String DELIVERY = "delivery_state, delivery_publications, delivery_published_at,"
            + " delivery_transaction_id, delivered_at, rejection_code, rejection_reason, rejected_at";

    /** A run's delivery as a resend weighs it. */
    record LockedDelivery(String runId, DeliveryState state, OffsetDateTime publishedAt) {
    }

    /** The date's run with its positions (by instrument, then party), or null before the run. */
    Uni<ClearingRunView> find(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select r.run_id, r.trade_date, r.trades, r.fees_fen, r.started_by, r.completed_at,"
                        + " " + DELIVERY + ", p.party_id, p.instrument, p.net_units,"
                        + " p.net_cash_fen from clearing_run r"
                        + " left join net_position p on p.run_id = r.run_id where r.trade_date = $1"
                        + " order by p.instrument, p.party_id")
                .execute(Tuple.of(tradeDate))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row first = rows.iterator().next();
                    List<ClearingRunView.Position> positions = new ArrayList<>();
                    rows.forEach(r -> {
                        if (r.getUUID("party_id") != null) {
                            positions.add(new ClearingRunView.Position(r.getUUID("party_id").toString(),
                                    r.getString("instrument"), r.getLong("net_units"), r.getLong("net_cash_fen")));
                        }
                    });
                    return new ClearingRunView(first.getString("run_id"), first.getLocalDate("trade_date"),
                            first.getLong("trades"), first.getLong("fees_fen"), first.getString("started_by"),
                            first.getOffsetDateTime("completed_at"), deliveryOf(first), positions);
                });
    }

    /** The latest runs first (at most {@code limit}), all or those in one delivery state. */
    Uni<List<ClearingRunView.Summary>> list(SqlClient sql, DeliveryState state, int limit) {
        return sql.preparedQuery("select run_id, trade_date, trades, fees_fen, completed_at, "
                        + DELIVERY + " from clearing_run"
                        + " where $1::text is null or delivery_state = $1 order by trade_date desc limit $2")
                .execute(Tuple.of(state == null ? null : state.name(), limit))
                .map(rows -> {
                    List<ClearingRunView.Summary> runs = new ArrayList<>(rows.size());
                    rows.forEach(r -> runs.add(new ClearingRunView.Summary(r.getString("run_id"),
                            r.getLocalDate("trade_date"), r.getLong("trades"), r.getLong("fees_fen"),
                            r.getOffsetDateTime("completed_at"), deliveryOf(r))));
                    return runs;
                });
    }

    Uni<Void> insert(SqlConnection conn, String runId, LocalDate tradeDate, long trades, long feesFen,
                     String startedBy, OffsetDateTime completedAt, DeliveryState state, OffsetDateTime publishedAt,
                     int publications) {
        return conn.preparedQuery("insert into clearing_run (run_id, trade_date, trades, fees_fen, started_by,"
                        + " completed_at, delivery_state, delivery_published_at, delivery_publications)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(runId, tradeDate, trades, feesFen, startedBy, completedAt,
                        state.name(), publishedAt, publications)))
                .replaceWithVoid();
    }

    Uni<Void> insertPositions(SqlConnection conn, String runId, List<NetPosition> positions) {
        return POSITIONS.execute(conn, "insert into net_position (run_id, party_id, instrument,"
                + " net_units, net_cash_fen) select * from unnest($1::text[], $2::uuid[], $3::text[],"
                + " $4::bigint[], $5::bigint[])", positions.stream().map(p -> new PositionRow(runId, p)).toList());
    }

    /** The date's run's delivery, locked for a resend, or null before the run. */
    Uni<LockedDelivery> lockDelivery(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select run_id, delivery_state, delivery_published_at"
                        + " from clearing_run where trade_date = $1 for update")
                .execute(Tuple.of(tradeDate))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row run = rows.iterator().next();
                    return new LockedDelivery(run.getString("run_id"), DeliveryState.valueOf(run.getString("delivery_state")),
                            run.getOffsetDateTime("delivery_published_at"));
                });
    }

    /** The run's positions that move units, in no particular order. */
    Uni<List<NetPosition>> deliveries(SqlConnection conn, String runId) {
        return conn.preparedQuery("select party_id, instrument, net_units, net_cash_fen from net_position"
                        + " where run_id = $1 and net_units <> 0")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    List<NetPosition> positions = new ArrayList<>(rows.size());
                    rows.forEach(r -> positions.add(new NetPosition(new PartyId(r.getUUID("party_id")),
                            InstrumentCode.parse(r.getString("instrument")), r.getLong("net_units"),
                            r.getLong("net_cash_fen"))));
                    return positions;
                });
    }

    /** The run's instructions were sent (again) at {@code now}. */
    Uni<Void> markPublished(SqlConnection conn, String runId, OffsetDateTime now) {
        return conn.preparedQuery("update clearing_run set delivery_state = 'PUBLISHED',"
                        + " delivery_published_at = $2, delivery_publications = delivery_publications + 1"
                        + " where run_id = $1")
                .execute(Tuple.of(runId, now))
                .replaceWithVoid();
    }

    /** The id of the date's run, or null before the run. */
    Uni<String> runIdOf(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select run_id from clearing_run where trade_date = $1")
                .execute(Tuple.of(tradeDate))
                .map(runs -> runs.size() == 0 ? null : runs.iterator().next().getString("run_id"));
    }

    /** A party's net positions in a run, by instrument. */
    Uni<List<Statements.Net>> netOf(SqlConnection conn, String runId, PartyId party) {
        return conn.preparedQuery("select instrument, net_units, net_cash_fen from"
                        + " net_position where run_id = $1 and party_id = $2 order by instrument")
                .execute(Tuple.of(runId, party.value()))
                .map(nets -> {
                    List<Statements.Net> net = new ArrayList<>();
                    nets.forEach(r -> net.add(new Statements.Net(r.getString("instrument"),
                            r.getLong("net_units"), r.getLong("net_cash_fen"))));
                    return net;
                });
    }

    private static ClearingRunView.Delivery deliveryOf(Row row) {
        return new ClearingRunView.Delivery(DeliveryState.valueOf(row.getString("delivery_state")),
                row.getInteger("delivery_publications"), row.getOffsetDateTime("delivery_published_at"),
                row.getUUID("delivery_transaction_id"), row.getOffsetDateTime("delivered_at"),
                row.getString("rejection_code"), row.getString("rejection_reason"),
                row.getOffsetDateTime("rejected_at"));
    }

    /**
     * The run waiting for an answer whose non-zero net deliveries are {@code deliveries} (rendered as
     * {@link RegistryAnswers#deliveriesOf} renders a booking's), and whose id is {@code reference} when the booking
     * names its run; the oldest trade date first. Null if none.
     */
    Uni<String> runDelivering(Mutiny.Session session, String deliveries, String reference) {
        String run = reference == null ? "" : " and r.run_id = ?2";
        Mutiny.SelectionQuery<String> query = session.createNativeQuery("select r.run_id"
                        + " from clearing_run r where r.delivery_state in ('PUBLISHED', 'REJECTED') and (select"
                        + " string_agg(p.party_id::text || ' ' || p.instrument || ' ' || p.net_units, ','"
                        + " order by p.party_id::text collate \"C\", p.instrument collate \"C\")"
                        + " from net_position p where p.run_id = r.run_id and p.net_units <> 0) = ?1" + run
                        + " order by r.trade_date limit 1", String.class)
                .setParameter(1, deliveries);
        return (reference == null ? query : query.setParameter(2, reference))
                .getResultList()
                .map(runs -> runs.isEmpty() ? null : runs.get(0));
    }

    /** The run is DELIVERED by the registry's transaction; false if it already was. */
    Uni<Boolean> markDelivered(Mutiny.Session session, String runId, UUID transactionId, OffsetDateTime bookedAt) {
        return session.createNativeQuery("update clearing_run set delivery_state = 'DELIVERED',"
                        + " delivery_transaction_id = ?1, delivered_at = ?2 where run_id = ?3"
                        + " and delivery_state <> 'DELIVERED'")
                .setParameter(1, transactionId)
                .setParameter(2, bookedAt)
                .setParameter(3, runId)
                .executeUpdate()
                .map(updated -> updated == 1);
    }

    /** A run waiting for its answer is REJECTED; false for any other run, or none. */
    Uni<Boolean> markRejected(Mutiny.Session session, String runId, String code, String reason,
                              OffsetDateTime rejectedAt) {
        return session.createNativeQuery("update clearing_run"
                        + " set delivery_state = 'REJECTED', rejection_code = ?1, rejection_reason = ?2,"
                        + " rejected_at = ?3 where run_id = ?4 and delivery_state = 'PUBLISHED'")
                .setParameter(1, code)
                .setParameter(2, reason)
                .setParameter(3, rejectedAt)
                .setParameter(4, runId)
                .executeUpdate()
                .map(updated -> updated == 1);
    }
}
