package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.platform.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * All SQL of prices: the market's trades, recorded once per trade id, and the closes a pilot exchange published before
 * its allowances traded on the suite; read back as each trading day's close, the suite's own where it traded that day
 * (penalties average months of them, an auction's reserve price the last twenty).
 */
@ApplicationScoped
public class PriceStore {

    /** A trading day's close in fen: the volume-weighted average price of its trades, half up to the fen. */
    record DailyClose(LocalDate day, long closeFen) {
    }

    private record Recorded(String instrument, DailyClose close, String source, String by, OffsetDateTime at) {
    }

    private final ColumnBatch<Recorded> exchangeCloses = new ColumnBatch<Recorded>()
            .column(String.class, Recorded::instrument)
            .column(LocalDate.class, r -> r.close().day())
            .column(Long.class, r -> r.close().closeFen())
            .column(String.class, Recorded::source)
            .column(String.class, Recorded::by)
            .column(OffsetDateTime.class, Recorded::at);

    Uni<Void> record(SqlClient sql, TradePrinted trade, LocalDate day) {
        return sql.preparedQuery("insert into market_trade (trade_id, instrument, trading_day, price_fen, quantity,"
                        + " executed_at) values ($1, $2, $3, $4, $5, $6) on conflict (trade_id) do nothing")
                .execute(Tuple.tuple(List.of(trade.tradeId(), trade.instrument().toString(), day, trade.priceFen(),
                        trade.quantity(), trade.executedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /**
     * Each trading day's close of the instrument among {@code days} (a condition on trading_day): the VWAP of the
     * suite's own trades that day, else the close the pilot exchange recorded for it.
     */
    private static String dailyCloses(String days) {
        return "with own as (select trading_day, round(sum(price_fen::numeric * quantity) / sum(quantity))::bigint"
                + " as close from market_trade where instrument = $1 and " + days + " group by trading_day),"
                + " closes as (select trading_day, close from own union all select e.trading_day, e.close_fen"
                + " from exchange_close e where e.instrument = $1 and e." + days
                + " and not exists (select 1 from own o where o.trading_day = e.trading_day)) ";
    }

    Uni<List<DailyClose>> closes(SqlClient sql, String instrument, LocalDate from, LocalDate to) {
        return sql.preparedQuery(dailyCloses("trading_day between $2 and $3")
                        + "select trading_day, close from closes order by trading_day")
                .execute(Tuple.of(instrument, from, to))
                .map(rows -> Rows.all(rows, row -> new DailyClose(row.getLocalDate("trading_day"),
                        row.getLong("close"))));
    }

    /** The closes of the last {@code days} trading days before {@code before}, in fen, oldest first. */
    public Uni<List<Long>> lastCloses(SqlClient sql, String instrument, LocalDate before, int days) {
        return sql.preparedQuery(dailyCloses("trading_day < $2") + "select close from (select trading_day, close"
                        + " from closes order by trading_day desc limit $3) recent order by trading_day")
                .execute(Tuple.of(instrument, before, days))
                .map(rows -> Rows.all(rows, row -> row.getLong("close")));
    }

    /**
     * Records a pilot exchange's closes, each replacing the one recorded for its day before; the days whose close or
     * source changed (new ones included) are answered.
     */
    Uni<Integer> recordExchangeCloses(SqlClient sql, String instrument, String source, List<DailyClose> closes,
                                      String recordedBy, Instant at) {
        return exchangeCloses.query(sql, "insert into exchange_close (instrument, trading_day, close_fen, source,"
                        + " recorded_by, recorded_at) select * from unnest($1::text[], $2::date[], $3::bigint[],"
                        + " $4::text[], $5::text[], $6::timestamptz[]) on conflict (instrument, trading_day)"
                        + " do update set close_fen = excluded.close_fen, source = excluded.source,"
                        + " recorded_by = excluded.recorded_by,"
                        + " recorded_at = excluded.recorded_at where exchange_close.close_fen <> excluded.close_fen"
                        + " or exchange_close.source <> excluded.source returning trading_day",
                        closes.stream().map(close -> new Recorded(instrument, close, source, recordedBy,
                                at.atOffset(ZoneOffset.UTC))).toList())
                .map(List::size);
    }
}
