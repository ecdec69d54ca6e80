package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.leadership.Leadership;
import cn.carbonmarket.trading.order.ExchangeQueries;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Conflates depth: every interval it reads each book (a read task on its desk, queued behind the commands) and
 * hands it to the feed, which publishes only a changed book. However busy a book is, it costs at most one read
 * and one depth event an interval, and no work is added to the commands themselves. Only the leader publishes; a
 * standby's books follow the journal and say nothing.
 */
@ApplicationScoped
public class DepthWatch {

    private static final Logger LOG = Logger.getLogger(DepthWatch.class);

    private final ExchangeQueries exchange;
    private final MarketDataFeed feed;
    private final MarketDataConfig config;
    private final Leadership leadership;
    private Cancellable ticks;

    public DepthWatch(ExchangeQueries exchange, MarketDataFeed feed, MarketDataConfig config, Leadership leadership) {
        this.exchange = exchange;
        this.feed = feed;
        this.config = config;
        this.leadership = leadership;
    }

    void start(@Observes StartupEvent event) {
        ticks = Multi.createFrom().ticks().every(config.depthInterval()).onOverflow().drop()
                .subscribe().with(tick -> {
                    if (leadership.accepting()) {
                        exchange.instruments().forEach(this::look);
                    }
                });
    }

    void stop(@Observes ShutdownEvent event) {
        ticks.cancel();
    }

    private void look(InstrumentCode instrument) {
        exchange.depth(instrument).subscribe().with(feed::depth,
                failure -> LOG.debugf("no depth of %s: %s", instrument, failure.getMessage()));
    }
}
