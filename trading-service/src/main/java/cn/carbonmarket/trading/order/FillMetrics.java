package cn.carbonmarket.trading.order;

import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.trading.engine.FillListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts fills (fills and tonnes per instrument). One of the fill listeners the exchange calls in turn (market data
 * is another). Pre-trade risk and the trade event do not hang on this seam: the exchange hands a command's fills to
 * them itself, because the trades are recorded only once the command is journaled.
 */
@ApplicationScoped
public class FillMetrics implements FillListener {

    private final MeterRegistry metrics;

    public FillMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filled(Fill fill) {
        String instrument = fill.instrument().toString();
        metrics.counter("market.trading.fills", "instrument", instrument).increment();
        metrics.counter("market.trading.filled.tonnes", "instrument", instrument).increment(fill.quantity());
    }
}
