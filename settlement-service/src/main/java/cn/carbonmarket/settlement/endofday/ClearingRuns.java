package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.settlement.clearing.ClearedTrade;
import cn.carbonmarket.settlement.clearing.NetPosition;
import cn.carbonmarket.settlement.clearing.Netting;
import cn.carbonmarket.settlement.clearing.Trade;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The end-of-day clearing run of a trade date: with the date locked against clearing, it nets the day's cleared
 * trades per party and instrument, and writes the run, its net positions and the registry's DeliveryInstructions
 * in one transaction. The run id is the date's, so starting it again returns the run made before; a crash before
 * the commit leaves nothing behind and the run is started anew.
 */
@ApplicationScoped
public class ClearingRuns {

    private static final ColumnBatch<PositionRow> POSITIONS = new ColumnBatch<PositionRow>()
            .column(String.class, PositionRow::runId)
            .column(UUID.class, r -> r.position().party().value())
            .column(String.class, r -> r.position().instrument().toString())
            .column(Long.class, r -> r.position().netUnits())
            .column(Long.class, r -> r.position().netCashFen());

    private record PositionRow(String runId, NetPosition position) {
    }

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryMetrics metrics;

    public ClearingRuns(Pool pool, Outbox outbox, Clock clock, DeliveryMetrics metrics) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record Outcome(ClearingRunView run, boolean replayed) {
    }

    public static String runIdOf(LocalDate tradeDate) {
        return "EOD-" + tradeDate;
    }

    public Uni<Outcome> run(LocalDate tradeDate, String startedBy) {
        String runId = runIdOf(tradeDate);
        return pool.withTransaction(conn -> TradeDateLock.exclusive(conn, tradeDate)
                .chain(() -> find(conn, tradeDate))
                .flatMap(previous -> previous != null ? Uni.createFrom().item(new Outcome(previous, true))
                        : conn.preparedQuery("select trade_id, buyer_id, seller_id, instrument, quantity,"
                                        + " price_fen, value_fen, buyer_fee_fen, seller_fee_fen, mode from cleared_trade"
                                        + " where trade_date = $1")
                                .execute(Tuple.of(tradeDate))
                                // Turning a day's rows into trades and netting them takes seconds for a busy day:
                                // the event loop that serves the connection must not spend them.
                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(rows -> clearedTrades(rows, tradeDate))
                                .map(trades -> new Netted(trades.size(),
                                        trades.stream().mapToLong(t -> t.buyerFeeFen() + t.sellerFeeFen()).sum(),
                                        Netting.net(tradeDate, trades)))
                                .flatMap(netted -> write(conn, runId, tradeDate, startedBy, netted))
                                .chain(() -> find(conn, tradeDate))
                                .map(made -> new Outcome(made, false))))
                .invoke(outcome -> {
                    if (!outcome.replayed() && outcome.run().delivery().state() == DeliveryState.PUBLISHED) {
                        metrics.entered(DeliveryState.PUBLISHED);
                    }
                });
    }

    public Uni<ClearingRunView> get(LocalDate tradeDate) {
        return pool.withConnection(conn -> find(conn, tradeDate))
                .onItem().ifNull().failWith(() -> new NotFoundException("CLEARING_RUN_NOT_FOUND",
                        "no clearing run for " + tradeDate));
    }

    /** The latest runs first (at most {@code limit}), all or those in one delivery state. */
    public Uni<List<ClearingRunView.Summary>> list(DeliveryState state, int limit) {
        return pool.preparedQuery("select run_id, trade_date, trades, fees_fen, completed_at, "
                        + ClearingRunView.Delivery.COLUMNS + " from clearing_run"
                        + " where $1::text is null or delivery_state = $1 order by trade_date desc limit $2")
                .execute(Tuple.of(state == null ? null : state.name(), limit))
                .map(rows -> {
                    List<ClearingRunView.Summary> runs = new ArrayList<>(rows.size());
                    rows.forEach(r -> runs.add(new ClearingRunView.Summary(r.getString("run_id"),
                            r.getLocalDate("trade_date"), r.getLong("trades"), r.getLong("fees_fen"),
                            r.getOffsetDateTime("completed_at"), ClearingRunView.Delivery.of(r))));
                    return runs;
                });
    }

    private record Netted(long trades, long feesFen, List<NetPosition> positions) {
    }

    private static List<ClearedTrade> clearedTrades(RowSet<Row> rows, LocalDate tradeDate) {
        List<ClearedTrade> trades = new ArrayList<>(rows.size());
        for (Row r : rows) {
            trades.add(new ClearedTrade(new Trade(r.getString("trade_id"), new PartyId(r.getUUID("buyer_id")),
                    new PartyId(r.getUUID("seller_id")), InstrumentCode.parse(r.getString("instrument")),
                    r.getLong("quantity"), r.getLong("price_fen"), TradeMode.valueOf(r.getString("mode")), tradeDate),
                    r.getLong("value_fen"), r.getLong("buyer_fee_fen"), r.getLong("seller_fee_fen")));
        }
        return trades;
    }

    private Uni<Void> write(SqlConnection conn, String runId, LocalDate tradeDate, String startedBy, Netted netted) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        DeliveryInstructions instructions = RunInstructions.of(runId, tradeDate, netted.positions());
        boolean delivering = !instructions.deliveries().isEmpty();
        return conn.preparedQuery("insert into clearing_run (run_id, trade_date, trades, fees_fen, started_by,"
                        + " completed_at, delivery_state, delivery_published_at, delivery_publications)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(runId, tradeDate, netted.trades(), netted.feesFen(),
                        startedBy, now, (delivering ? DeliveryState.PUBLISHED : DeliveryState.NOTHING_TO_DELIVER)
                                .name(), delivering ? now : null, delivering ? 1 : 0)))
                .chain(() -> POSITIONS.execute(conn, "insert into net_position (run_id, party_id, instrument,"
                        + " net_units, net_cash_fen) select * from unnest($1::text[], $2::uuid[], $3::text[],"
                        + " $4::bigint[], $5::bigint[])", netted.positions().stream()
                        .map(p -> new PositionRow(runId, p)).toList()))
                // A day without unit movements has nothing for the registry (it refuses an empty transaction).
                .chain(() -> !delivering ? Uni.createFrom().voidItem()
                        : outbox.publish(conn, DeliveryInstructions.TYPE, runId, instructions).replaceWithVoid());
    }

    private static Uni<ClearingRunView> find(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select r.run_id, r.trade_date, r.trades, r.fees_fen, r.started_by, r.completed_at,"
                        + " " + ClearingRunView.Delivery.COLUMNS + ", p.party_id, p.instrument, p.net_units,"
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
                            first.getOffsetDateTime("completed_at"), ClearingRunView.Delivery.of(first), positions);
                });
    }
}
