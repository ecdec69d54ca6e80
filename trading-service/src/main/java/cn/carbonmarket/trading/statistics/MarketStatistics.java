package cn.carbonmarket.trading.statistics;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.marketdata.MarketDataStore;
import cn.carbonmarket.trading.marketdata.MarketDays;
import cn.carbonmarket.trading.order.ExchangeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A jurisdiction's market statistics, per instrument of it listed here, from the daily statistics market data
 * records: what trading already stores, so a report reads and writes nothing else.
 */
@ApplicationScoped
public class MarketStatistics {

    private final ExchangeQueries exchange;
    private final MarketDataStore store;
    private final MarketDays marketDays;
    private final Clock clock;

    public MarketStatistics(ExchangeQueries exchange, MarketDataStore store, MarketDays marketDays, Clock clock) {
        this.exchange = exchange;
        this.store = store;
        this.marketDays = marketDays;
        this.clock = clock;
    }

    /** The jurisdiction's trading day now: the one its trades count for until its last session closes. */
    public LocalDate today(Jurisdiction jurisdiction) {
        return marketDays.of(jurisdiction).of(clock.instant());
    }

    /** Every listed instrument of the jurisdiction over the trading days {@code from} to {@code to}, by code. */
    public Uni<MarketStatisticsReport> report(Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
        List<InstrumentCode> instruments = exchange.instruments().stream()
                .filter(instrument -> instrument.product().jurisdiction() == jurisdiction)
                .sorted(Comparator.comparing(InstrumentCode::toString)).toList();
        return store.period(instruments, from, to).map(periods -> new MarketStatisticsReport(jurisdiction, from, to,
                periods.stream().map(InstrumentStatistics::of).toList()));
    }
}
