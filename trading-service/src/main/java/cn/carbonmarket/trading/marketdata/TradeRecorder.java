package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.trading.marketdata.MarketDataStore.DatedTrade;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds printed trades to the candles and daily statistics, a batch per transaction, in print order. It is the
 * only writer of those tables, so it keeps the rows it last wrote and reads the database only for a bucket or day
 * it has not seen; a trade id already recorded is skipped, so a batch written twice counts once.
 */
final class TradeRecorder {

    /** Current rows kept: a few per instrument (three candles and a day), for far more instruments than listed. */
    private static final int KEPT = 4_096;

    private record CandleKey(String instrument, CandleInterval interval, Instant start) {
    }

    private record DayKey(String instrument, LocalDate day) {
    }

    private final Pool pool;
    private final MarketDataStore store;
    private final MarketDays marketDays;
    private final ZoneId zone;
    private final Map<CandleKey, Candle> candles = lru();
    private final Map<DayKey, DailyStatistics> days = lru();

    TradeRecorder(Pool pool, MarketDataStore store, MarketDays marketDays, ZoneId zone) {
        this.pool = pool;
        this.store = store;
        this.marketDays = marketDays;
        this.zone = zone;
    }

    /** Records {@code batch} (in print order) in one transaction; what it changed is kept once committed. */
    Uni<Void> record(List<TradePrinted> batch) {
        List<DatedTrade> dated = batch.stream()
                .map(t -> new DatedTrade(t, marketDays.of(t.instrument(), t.executedAt()))).toList();
        Changes changes = new Changes();
        return pool.withTransaction(sql -> store.insertNew(sql, dated)
                        .flatMap(fresh -> Multi.createFrom().iterable(dated)
                                .filter(t -> fresh.contains(t.trade().tradeId()))
                                .onItem().transformToUniAndConcatenate(t -> changes.add(sql, t))
                                .collect().last())
                        .flatMap(done -> store.saveCandles(sql, List.copyOf(changes.candles.values())))
                        .flatMap(done -> store.saveStatistics(sql, List.copyOf(changes.days.values()))))
                .invoke(() -> {
                    candles.putAll(changes.candles);
                    days.putAll(changes.days);
                });
    }

    /** One batch's rows as they will be after it: read from what is kept, else from the database. */
    private final class Changes {

        private final Map<CandleKey, Candle> candles = new HashMap<>();
        private final Map<DayKey, DailyStatistics> days = new HashMap<>();

        Uni<Void> add(SqlClient sql, DatedTrade dated) {
            TradePrinted trade = dated.trade();
            String instrument = trade.instrument().toString();
            List<Uni<Void>> steps = new ArrayList<>();
            for (CandleInterval interval : CandleInterval.values()) {
                CandleKey key = new CandleKey(instrument, interval, interval.bucket(trade.executedAt(), zone));
                steps.add(candle(sql, key).invoke(c -> candles.put(key, c.with(trade))).replaceWithVoid());
            }
            DayKey day = new DayKey(instrument, dated.tradingDay());
            steps.add(day(sql, day).invoke(d -> days.put(day, d.with(trade))).replaceWithVoid());
            return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(step -> step)
                    .collect().last();
        }

        private Uni<Candle> candle(SqlClient sql, CandleKey key) {
            Candle known = candles.getOrDefault(key, TradeRecorder.this.candles.get(key));
            return known != null ? Uni.createFrom().item(known)
                    : store.candle(sql, key.instrument(), key.interval(), key.start())
                            .map(found -> found.orElseGet(() -> Candle.empty(key.instrument(), key.interval(),
                                    key.start())));
        }

        private Uni<DailyStatistics> day(SqlClient sql, DayKey key) {
            DailyStatistics known = days.getOrDefault(key, TradeRecorder.this.days.get(key));
            return known != null ? Uni.createFrom().item(known) : store.statistics(sql, key.instrument(), key.day());
        }
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        };
    }
}
