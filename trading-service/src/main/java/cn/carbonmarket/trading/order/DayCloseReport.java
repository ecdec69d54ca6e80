package cn.carbonmarket.trading.order;

import cn.carbonmarket.trading.engine.DayClose;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Tells operators about each live end of a trading day: a log line and the count of expired orders. */
@ApplicationScoped
public class DayCloseReport {

    private static final Logger LOG = Logger.getLogger(DayCloseReport.class);

    private final MeterRegistry metrics;

    public DayCloseReport(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    public void closed(DayClose day) {
        int expired = day.expired().size();
        metrics.counter("market.trading.expired.orders", "instrument", day.instrument().toString())
                .increment(expired);
        LOG.infof("%s closed trading day %s at %d fen (the previous close of %s); %d open orders expired",
                day.instrument(), day.closed(), day.close(), day.opened(), expired);
    }
}
