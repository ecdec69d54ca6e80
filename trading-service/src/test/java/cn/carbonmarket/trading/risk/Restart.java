package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.order.ExchangeRecovery;
import cn.carbonmarket.trading.rules.TradingRulePack;
import cn.carbonmarket.trading.trade.TradeLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Pre-trade risk as a restart rebuilds it from the database and the journal, beside the running service's own:
 * what a stopped and started service would find, without stopping the one under test.
 */
@ApplicationScoped
public class Restart {

    private final ObjectMapper json;
    private final Clock clock;
    private final TradeLog trades;
    private final RiskStore store;
    private final Pool pool;
    private final List<OffBookCommitments> offBook;
    private final List<OffBookTradeSource> offBookTrades;
    private final ExchangeRecovery recovery;
    private final TradingRulePack pack;

    public Restart(ObjectMapper json, Clock clock, TradeLog trades, RiskStore store, Pool pool,
                   @All List<OffBookCommitments> offBook, @All List<OffBookTradeSource> offBookTrades,
                   ExchangeRecovery recovery, TradingRulePack pack) {
        this.pack = pack;
        this.json = json;
        this.clock = clock;
        this.trades = trades;
        this.store = store;
        this.pool = pool;
        this.offBook = offBook;
        this.offBookTrades = offBookTrades;
        this.recovery = recovery;
    }

    /** A fresh risk view, recovered as on start from the journal as it is now. */
    public PreTradeRisk recovered() {
        return recoveredFrom(recovery.rebuildFromJournal().engines());
    }

    /** A fresh risk view, recovered as on start beside {@code engines} rebuilt from the journal. */
    public PreTradeRisk recoveredFrom(Map<InstrumentCode, InstrumentEngine> engines) {
        PreTradeRisk restarted = new PreTradeRisk(pack, json, clock, trades, store, pool, offBook, offBookTrades);
        restarted.recover(engines);
        return restarted;
    }
}
