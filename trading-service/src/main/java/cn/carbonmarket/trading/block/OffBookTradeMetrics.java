package cn.carbonmarket.trading.block;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What follows an off-book trade today: it is counted by mode and instrument, as fills of the book are. */
@ApplicationScoped
public class OffBookTradeMetrics implements OffBookTrades {

    private final MeterRegistry metrics;

    public OffBookTradeMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public Uni<Void> executed(OffBookTrade trade) {
        String instrument = trade.instrument().toString();
        String mode = trade.mode().name();
        metrics.counter("market.trading.offbook.trades", "instrument", instrument, "mode", mode).increment();
        metrics.counter("market.trading.offbook.tonnes", "instrument", instrument, "mode", mode)
                .increment(trade.quantity());
        return Uni.createFrom().voidItem();
    }
}
