package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the exchange's trades on {@code trading.market-data} for the average price penalties are set by. Only
 * listing-agreement (continuous) trades count, as only they form the exchange's daily close; each trade is recorded
 * once by its id, on its trading day in Shanghai time.
 */
@ApplicationScoped
public class MarketPrices {

    /** The exchange's trading days are Shanghai dates. */
    public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    private final EventCodec codec;
    private final Pool pool;
    private final PriceStore store;

    MarketPrices(EventCodec codec, Pool pool, PriceStore store) {
        this.codec = codec;
        this.pool = pool;
        this.store = store;
    }

    @Incoming("trading-market-data")
    public Uni<Void> onMarketData(String json) {
        return codec.decodeIf(json, TradePrinted.TYPE).map(event -> printed(event.payload()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> printed(TradePrinted trade) {
        if (trade.mode() != TradeMode.CONTINUOUS) {
            return Uni.createFrom().voidItem();
        }
        LocalDate day = LocalDate.ofInstant(trade.executedAt(), MARKET_ZONE);
        return store.record(pool, trade, day);
    }
}
