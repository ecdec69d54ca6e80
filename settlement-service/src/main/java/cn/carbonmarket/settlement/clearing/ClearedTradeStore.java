package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.settlement.endofday.Statements;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of cleared_trade (every trade cleared, what the end-of-day run and the statements read) and of
 * clearing_break (what clearing refused, for the operator). Runs on the caller's transaction.
 */
@ApplicationScoped
public class ClearedTradeStore {

    private static final ColumnBatch<Cleared> CLEARED = new ColumnBatch<Cleared>()
            .column(String.class, c -> c.trade().trade().tradeId())
            .column(LocalDate.class, c -> c.trade().trade().tradeDate())
            .column(UUID.class, c -> c.trade().trade().buyer().value())
            .column(UUID.class, c -> c.trade().trade().seller().value())
            .column(String.class, c -> c.trade().trade().instrument().toString())
            .column(Long.class, c -> c.trade().trade().quantity())
            .column(Long.class, c -> c.trade().trade().priceFen())
            .column(Long.class, c -> c.trade().valueFen())
            .column(Long.class, c -> c.trade().buyerFeeFen())
            .column(Long.class, c -> c.trade().sellerFeeFen())
            .column(String.class, c -> c.trade().trade().mode().name())
            .column(OffsetDateTime.class, c -> c.executedAt().atOffset(ZoneOffset.UTC))
            .column(OffsetDateTime.class, c -> c.clearedAt().atOffset(ZoneOffset.UTC));
    private static final ColumnBatch<ClearingBreak> BREAKS = new ColumnBatch<ClearingBreak>()
            .column(String.class, ClearingBreak::tradeId)
            .column(String.class, ClearingBreak::code)
            .column(String.class, ClearingBreak::reason)
            .column(String.class, ClearingBreak::event);

    /** A trade cleared now, with when it was executed and cleared. */
    record Cleared(ClearedTrade trade, Instant executedAt, Instant clearedAt) {
    }

    Uni<Void> insert(SqlConnection conn, List<Cleared> cleared) {
        return cleared.isEmpty() ? Uni.createFrom().voidItem()
                : CLEARED.execute(conn, "insert into cleared_trade (trade_id, trade_date, buyer_id, seller_id,"
                        + " instrument, quantity, price_fen, value_fen, buyer_fee_fen, seller_fee_fen, mode,"
                        + " executed_at, cleared_at) select * from unnest($1::text[], $2::date[], $3::uuid[],"
                        + " $4::uuid[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],"
                        + " $10::bigint[], $11::text[], $12::timestamptz[], $13::timestamptz[])", cleared);
    }

    /** A trade's first break is kept; the same trade breaking again on a redelivery adds nothing. */
    Uni<Void> insertBreaks(SqlConnection conn, List<ClearingBreak> breaks) {
        return breaks.isEmpty() ? Uni.createFrom().voidItem()
                : BREAKS.execute(conn, "insert into clearing_break (trade_id, code, reason, event, recorded_at)"
                        + " select *, now() from unnest($1::text[], $2::text[], $3::text[], $4::text[])"
                        + " on conflict (trade_id) do nothing", breaks);
    }

    /**
     * Every trade cleared into {@code tradeDate}. Turning a busy day's rows into trades is long work for an event
     * loop: it is done, like whatever the caller chains after it, on a worker thread.
     */
    public Uni<List<ClearedTrade>> ofDate(SqlConnection conn, LocalDate tradeDate) {
        return conn.preparedQuery("select trade_id, buyer_id, seller_id, instrument, quantity,"
                        + " price_fen, value_fen, buyer_fee_fen, seller_fee_fen, mode from cleared_trade"
                        + " where trade_date = $1")
                .execute(Tuple.of(tradeDate))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> clearedTrades(rows, tradeDate));
    }

    /** A party's trades of {@code tradeDate} as its statement lists them, in the order they were executed. */
    public Uni<List<Statements.Line>> statementLines(SqlConnection conn, PartyId party, LocalDate tradeDate) {
        return conn.preparedQuery("select trade_id, case when buyer_id = $1 then 'BUY' else 'SELL' end"
                        + " as side, instrument, quantity, price_fen, value_fen, case when buyer_id = $1"
                        + " then buyer_fee_fen else seller_fee_fen end as fee_fen, mode, executed_at"
                        + " from cleared_trade where trade_date = $2 and (buyer_id = $1 or seller_id = $1)"
                        + " order by executed_at, trade_id")
                .execute(Tuple.of(party.value(), tradeDate))
                .map(trades -> {
                    List<Statements.Line> lines = new ArrayList<>();
                    trades.forEach(r -> lines.add(new Statements.Line(r.getString("trade_id"),
                            r.getString("side"), r.getString("instrument"), r.getLong("quantity"),
                            r.getLong("price_fen"), r.getLong("value_fen"), r.getLong("fee_fen"),
                            r.getString("mode"), r.getOffsetDateTime("executed_at"))));
                    return lines;
                });
    }

    /** A party's net tonnes of an instrument over trades the registry has not delivered yet. */
    public record Undelivered(UUID party, String instrument, long net) {
    }

    /** The net tonnes per party and instrument of the trades of dates without a clearing run yet. */
    public Uni<List<Undelivered>> undelivered(SqlConnection conn) {
        return conn.query("select party, instrument, sum(quantity)::bigint as net from ("
                        + " select buyer_id as party, instrument, quantity, trade_date from cleared_trade"
                        + " union all select seller_id, instrument, -quantity, trade_date from cleared_trade"
                        + ") t where trade_date not in (select trade_date from clearing_run)"
                        + " group by party, instrument").execute()
                .map(rows -> {
                    List<Undelivered> nets = new ArrayList<>();
                    rows.forEach(r -> nets.add(new Undelivered(r.getUUID("party"), r.getString("instrument"),
                            r.getLong("net"))));
                    return nets;
                });
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
}
