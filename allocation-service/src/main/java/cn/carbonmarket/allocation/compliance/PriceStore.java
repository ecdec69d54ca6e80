package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.event.TradePrinted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * All SQL of market trades: recorded once per trade id, read back as each trading day's close (penalties average a
 * month of them, an auction's reserve price the last twenty).
 */
@ApplicationScoped
public class PriceStore {

    /** A trading day's volume-weighted average price, half up to the fen: the exchange's close. */
    record DailyClose(LocalDate day, long closeFen) {
    }

    Uni<Void> record(SqlClient sql, TradePrinted trade, LocalDate day) {
        return sql.preparedQuery("insert into market_trade (trade_id, instrument, trading_day, price_fen, quantity,"
                        + " executed_at) values ($1, $2, $3, $4, $5, $6) on conflict (trade_id) do nothing")
                .execute(Tuple.tuple(List.of(trade.tradeId(), trade.instrument().toString(), day, trade.priceFen(),
                        trade.quantity(), trade.executedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    Uni<List<DailyClose>> closes(SqlClient sql, String instrument, LocalDate from, LocalDate to) {
        return sql.preparedQuery("select trading_day, round(sum(price_fen::numeric * quantity) / sum(quantity))::bigint"
                        + " as close from market_trade where instrument = $1 and trading_day between $2 and $3"
                        + " group by trading_day order by trading_day")
                .execute(Tuple.of(instrument, from, to))
                .map(rows -> {
                    List<DailyClose> closes = new ArrayList<>(rows.size());
                    rows.forEach(row -> closes.add(new DailyClose(row.getLocalDate("trading_day"),
                            row.getLong("close"))));
                    return closes;
                });
    }

    /** The closes of the last {@code days} trading days before {@code before}, in fen, oldest first. */
    public Uni<List<Long>> lastCloses(SqlClient sql, String instrument, LocalDate before, int days) {
        return sql.preparedQuery("select close from (select trading_day, round(sum(price_fen::numeric * quantity)"
                        + " / sum(quantity))::bigint as close from market_trade where instrument = $1"
                        + " and trading_day < $2 group by trading_day order by trading_day desc limit $3) recent"
                        + " order by trading_day")
                .execute(Tuple.of(instrument, before, days))
                .map(rows -> {
                    List<Long> closes = new ArrayList<>(rows.size());
                    rows.forEach(row -> closes.add(row.getLong("close")));
                    return closes;
                });
    }
}
