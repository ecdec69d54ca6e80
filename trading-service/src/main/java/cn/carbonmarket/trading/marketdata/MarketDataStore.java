package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.trading.listing.InstrumentListings;
import cn.carbonmarket.trading.listing.ListedInstrument;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The market data tables: trades as printed, candles and daily statistics. */
@ApplicationScoped
public class MarketDataStore {

    private static final String CANDLE_COLUMNS = "instrument, width, starts_at, open_fen, high_fen, low_fen,"
            + " close_fen, volume, turnover_fen, trades";
    private static final String STATISTICS_COLUMNS = "instrument, trading_day, previous_close_fen, first_fen,"
            + " high_fen, low_fen, last_fen, priced_volume, priced_turnover_fen, volume, turnover_fen, trades";

    /** A printed trade with the trading day it counts for. */
    record DatedTrade(TradePrinted trade, LocalDate tradingDay) {
    }

    private static final ColumnBatch<DatedTrade> TRADES = new ColumnBatch<DatedTrade>()
            .column(String.class, t -> t.trade().tradeId())
            .column(String.class, t -> t.trade().instrument().toString())
            .column(Long.class, t -> t.trade().priceFen())
            .column(Long.class, t -> t.trade().quantity())
            .column(String.class, t -> t.trade().mode().name())
            .column(OffsetDateTime.class, t -> utc(t.trade().executedAt()))
            .column(LocalDate.class, DatedTrade::tradingDay);
    private static final ColumnBatch<Candle> CANDLES = new ColumnBatch<Candle>()
            .column(String.class, Candle::instrument)
            .column(String.class, c -> c.interval().code())
            .column(OffsetDateTime.class, c -> utc(c.start()))
            .column(Long.class, Candle::openFen)
            .column(Long.class, Candle::highFen)
            .column(Long.class, Candle::lowFen)
            .column(Long.class, Candle::closeFen)
            .column(Long.class, Candle::volume)
            .column(Long.class, Candle::turnoverFen)
            .column(Integer.class, Candle::trades);
    private static final ColumnBatch<DailyStatistics> STATISTICS = new ColumnBatch<DailyStatistics>()
            .column(String.class, DailyStatistics::instrument)
            .column(LocalDate.class, DailyStatistics::tradingDay)
            .column(Long.class, DailyStatistics::previousCloseFen)
            .column(Long.class, DailyStatistics::firstFen)
            .column(Long.class, DailyStatistics::highFen)
            .column(Long.class, DailyStatistics::lowFen)
            .column(Long.class, DailyStatistics::lastFen)
            .column(Long.class, DailyStatistics::pricedVolume)
            .column(Long.class, DailyStatistics::pricedTurnoverFen)
            .column(Long.class, DailyStatistics::volume)
            .column(Long.class, DailyStatistics::turnoverFen)
            .column(Integer.class, DailyStatistics::trades);

    private final Pool pool;
    private final InstrumentListings listings;

    public MarketDataStore(Pool pool, InstrumentListings listings) {
        this.pool = pool;
        this.listings = listings;
    }

    /** Inserts the trades not recorded yet; the ids of those it inserted. */
    Uni<Set<String>> insertNew(SqlClient sql, List<DatedTrade> trades) {
        return TRADES.query(sql, "insert into market_trade (trade_id, instrument, price_fen, quantity, mode,"
                        + " executed_at, trading_day) select * from unnest($1::text[], $2::text[], $3::bigint[],"
                        + " $4::bigint[], $5::text[], $6::timestamptz[], $7::date[])"
                        + " on conflict (trade_id) do nothing returning trade_id", trades)
                .map(rows -> rows.stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
    }

    Uni<Optional<Candle>> candle(SqlClient sql, String instrument, CandleInterval interval, Instant start) {
        return sql.preparedQuery("select " + CANDLE_COLUMNS + " from candle where instrument = $1 and width = $2"
                        + " and starts_at = $3")
                .execute(Tuple.of(instrument, interval.code(), utc(start)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(candle(rows.iterator().next())));
    }

    Uni<Void> saveCandles(SqlClient sql, List<Candle> candles) {
        return candles.isEmpty() ? Uni.createFrom().voidItem() : CANDLES.execute(sql, "insert into candle ("
                + CANDLE_COLUMNS + ") select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[],"
                + " $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::int[])"
                + " on conflict (instrument, width, starts_at) do update set open_fen = excluded.open_fen,"
                + " high_fen = excluded.high_fen, low_fen = excluded.low_fen, close_fen = excluded.close_fen,"
                + " volume = excluded.volume, turnover_fen = excluded.turnover_fen, trades = excluded.trades",
                candles);
    }

    /**
     * The day's statistics as recorded, or, before its first trade, the opening drawn around the previous close:
     * the close of the latest earlier day with trades, or the listed reference price before any.
     */
    Uni<DailyStatistics> statistics(SqlClient sql, String instrument, LocalDate day) {
        return sql.preparedQuery("select " + STATISTICS_COLUMNS + " from daily_statistics where instrument = $1"
                        + " and trading_day <= $2 order by trading_day desc limit 1")
                .execute(Tuple.of(instrument, day))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return DailyStatistics.opening(instrument, day, referenceClose(instrument));
                    }
                    DailyStatistics latest = statistics(rows.iterator().next());
                    return latest.tradingDay().equals(day) ? latest
                            : DailyStatistics.opening(instrument, day, latest.close());
                });
    }

    Uni<Void> saveStatistics(SqlClient sql, List<DailyStatistics> days) {
        return days.isEmpty() ? Uni.createFrom().voidItem() : STATISTICS.execute(sql, "insert into daily_statistics ("
                + STATISTICS_COLUMNS + ") select * from unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[],"
                + " $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[],"
                + " $11::bigint[], $12::int[]) on conflict (instrument, trading_day) do update set"
                + " first_fen = excluded.first_fen, high_fen = excluded.high_fen, low_fen = excluded.low_fen,"
                + " last_fen = excluded.last_fen, priced_volume = excluded.priced_volume,"
                + " priced_turnover_fen = excluded.priced_turnover_fen, volume = excluded.volume,"
                + " turnover_fen = excluded.turnover_fen, trades = excluded.trades", days);
    }

    public Uni<DailyStatistics> statistics(InstrumentCode instrument, LocalDate day) {
        return statistics(pool, instrument.toString(), day);
    }

    /**
     * Each instrument's trading over the trading days {@code from} to {@code to}, both included, in the order
     * given; an instrument without trades then has zeros and the close carried into {@code to}.
     */
    public Uni<List<PeriodStatistics>> period(List<InstrumentCode> instruments, LocalDate from, LocalDate to) {
        String[] codes = instruments.stream().map(InstrumentCode::toString).toArray(String[]::new);
        return pool.preparedQuery("select instrument, sum(trades) as trades, sum(volume) as volume,"
                        + " sum(turnover_fen) as turnover_fen, max(high_fen) as high_fen, min(low_fen) as low_fen"
                        + " from daily_statistics where instrument = any($1) and trading_day between $2 and $3"
                        + " group by instrument")
                .execute(Tuple.of(codes, from, to))
                .chain(rows -> {
                    Map<String, Row> traded = new HashMap<>();
                    rows.forEach(row -> traded.put(row.getString("instrument"), row));
                    return Multi.createFrom().iterable(instruments).onItem().transformToUniAndConcatenate(
                                    code -> statistics(code, to).map(last -> period(code.toString(),
                                            traded.get(code.toString()), last.close())))
                            .collect().asList();
                });
    }

    private static PeriodStatistics period(String instrument, Row traded, long lastClose) {
        return traded == null ? new PeriodStatistics(instrument, 0, 0, 0, null, null, lastClose)
                : new PeriodStatistics(instrument, traded.getLong("trades"), traded.getLong("volume"),
                        traded.getLong("turnover_fen"), traded.getLong("high_fen"), traded.getLong("low_fen"),
                        lastClose);
    }

    /** The instrument's trades, newest first, {@code size} a page. */
    public Uni<List<TradePrinted>> trades(InstrumentCode instrument, int page, int size) {
        return pool.preparedQuery("select trade_id, price_fen, quantity, mode, executed_at from market_trade"
                        + " where instrument = $1 order by recorded desc limit $2 offset $3")
                .execute(Tuple.of(instrument.toString(), size, (long) page * size))
                .map(rows -> {
                    List<TradePrinted> trades = new ArrayList<>(rows.size());
                    rows.forEach(r -> trades.add(new TradePrinted(r.getString("trade_id"), instrument,
                            r.getLong("quantity"), r.getLong("price_fen"),
                            TradeMode.valueOf(r.getString("mode")),
                            r.getOffsetDateTime("executed_at").toInstant())));
                    return trades;
                });
    }

    /** The instrument's first {@code limit} candles starting in [from, to), oldest first. */
    public Uni<List<Candle>> candles(InstrumentCode instrument, CandleInterval interval, Instant from, Instant to,
                                     int limit) {
        return pool.preparedQuery("select " + CANDLE_COLUMNS + " from candle where instrument = $1 and width = $2"
                        + " and starts_at >= $3 and starts_at < $4 order by starts_at limit $5")
                .execute(Tuple.of(instrument.toString(), interval.code(), utc(from), utc(to), limit))
                .map(rows -> {
                    List<Candle> candles = new ArrayList<>(rows.size());
                    rows.forEach(r -> candles.add(candle(r)));
                    return candles;
                });
    }

    private long referenceClose(String instrument) {
        return listings.known(InstrumentCode.parse(instrument)).map(ListedInstrument::previousClose).orElseThrow(
                () -> new IllegalStateException(instrument + " is not listed, so it has no reference price"));
    }

    private static Candle candle(Row r) {
        return new Candle(r.getString("instrument"), CandleInterval.parse(r.getString("width")),
                r.getOffsetDateTime("starts_at").toInstant(), r.getLong("open_fen"), r.getLong("high_fen"),
                r.getLong("low_fen"), r.getLong("close_fen"), r.getLong("volume"), r.getLong("turnover_fen"),
                r.getInteger("trades"));
    }

    private static DailyStatistics statistics(Row r) {
        return new DailyStatistics(r.getString("instrument"), r.getLocalDate("trading_day"),
                r.getLong("previous_close_fen"), r.getLong("first_fen"), r.getLong("high_fen"), r.getLong("low_fen"),
                r.getLong("last_fen"), r.getLong("priced_volume"), r.getLong("priced_turnover_fen"),
                r.getLong("volume"), r.getLong("turnover_fen"), r.getInteger("trades"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
