package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.testing.Database;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts every test run without market data: the journal is emptied too (EmptyJournal), so trade ids start again
 * at 1 and would collide with the last run's; and a day's statistics must hold this run's trades only.
 */
public class EmptyMarketData implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        new Database("trading").update("do $$ begin if to_regclass('market_trade') is not null then"
                + " truncate market_trade, candle, daily_statistics; end if; end $$");
        return Map.of();
    }

    @Override
    public void stop() {
        // The rows stay for inspection after the run; the next run empties the tables again.
    }
}
