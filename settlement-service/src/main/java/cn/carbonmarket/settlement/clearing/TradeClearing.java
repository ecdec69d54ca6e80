package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.settlement.endofday.TradeDateLock;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerRejectedException;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.Rejection;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Clears the exchange's trades from {@code trading.trades}, each trade id exactly once: the DvP entry's id is the
 * trade id (the journal's primary key), and the platform's idempotent consumer records each event id. A trade the
 * ledger refuses (a party short of cash or units) becomes a clearing break for the operator; it does not stop the
 * trades behind it.
 */
@ApplicationScoped
public class TradeClearing {

    static final String CONSUMER = "settlement.trade-clearing";
    private static final Logger LOG = Logger.getLogger(TradeClearing.class);

    private final IdempotentConsumer consumer;
    private final Clearing clearing;
    private final LedgerStore ledger;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry metrics;

    public TradeClearing(IdempotentConsumer consumer, Clearing clearing, LedgerStore ledger, Pool pool, Clock clock,
                         MeterRegistry metrics) {
        this.consumer = consumer;
        this.clearing = clearing;
        this.ledger = ledger;
        this.pool = pool;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Incoming("trading-trades")
    public Uni<Void> onTrade(String json) {
        return consumer.once(CONSUMER, json, TradeExecuted.TYPE, trade -> clear(trade, json));
    }

    /** The clearing house's own view of the trade: the trade date is the execution's date in Beijing time. */
    static Trade tradeOf(TradeExecuted event) {
        return new Trade(event.tradeId(), event.buyerPartyId(), event.sellerPartyId(), event.instrument(),
                event.quantity(), event.priceFen(), TradeMode.valueOf(event.mode().name()),
                TradingDay.of(event.executedAt()));
    }

    Uni<Void> clear(TradeExecuted event, String json) {
        Instant now = clock.instant();
        ClearedTrade cleared;
        try {
            cleared = clearing.clear(tradeOf(event));
        } catch (LedgerRejectedException refused) {
            return pool.withTransaction(conn -> recordBreak(conn, event, refused, json, now));
        }
        if (cleared.buyerFeeFen() != event.buyerFeeFen() || cleared.sellerFeeFen() != event.sellerFeeFen()) {
            // The rule pack decides what the ledger charges; a different figure from trading means the two
            // services' fee tables have drifted apart, which the operator has to hear of.
            LOG.warnf("trade %s: trading charged fees %d/%d fen, the settlement rule pack %d/%d", event.tradeId(),
                    event.buyerFeeFen(), event.sellerFeeFen(), cleared.buyerFeeFen(), cleared.sellerFeeFen());
            metrics.counter("settlement.fee.mismatches").increment();
        }
        return pool.withTransaction(conn -> TradeDateLock.openForClearing(conn, cleared.trade().tradeDate())
                        .flatMap(open -> open ? post(conn, cleared, event, json, now)
                                : closedDate(conn, cleared, event, json, now)))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }

    private Uni<Void> post(SqlConnection conn, ClearedTrade cleared, TradeExecuted event, String json, Instant now) {
        return ledger.apply(conn, List.of(new LedgerCommand.Write(cleared.entry())), now).flatMap(outcomes -> {
            LedgerStore.Outcome outcome = outcomes.get(0);
            if (!outcome.isApplied()) {
                return recordBreak(conn, event, outcome.rejection(), json, now);
            }
            return outcome.applied().replayed() ? Uni.createFrom().voidItem()
                    : recordCleared(conn, cleared, event, now);
        });
    }

    /** The date's clearing run is made: a trade cleared before it is a redelivery, any other one a break. */
    private Uni<Void> closedDate(SqlConnection conn, ClearedTrade cleared, TradeExecuted event, String json,
                                 Instant now) {
        return conn.preparedQuery("select 1 from journal_entry where id = $1")
                .execute(Tuple.of(cleared.entry().id()))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().voidItem()
                        : recordBreak(conn, event, new LedgerRejectedException(Rejection.TRADE_DATE_CLOSED,
                                "the clearing run of " + cleared.trade().tradeDate() + " is made; trade "
                                        + event.tradeId() + " came after it"), json, now));
    }

    private Uni<Void> recordCleared(SqlConnection conn, ClearedTrade cleared, TradeExecuted event, Instant now) {
        Trade t = cleared.trade();
        metrics.counter("settlement.trades.cleared").increment();
        return conn.preparedQuery("insert into cleared_trade (trade_id, trade_date, buyer_id, seller_id, instrument,"
                        + " quantity, price_fen, value_fen, buyer_fee_fen, seller_fee_fen, mode, executed_at,"
                        + " cleared_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .execute(Tuple.from(List.of(t.tradeId(), t.tradeDate(), t.buyer().value(), t.seller().value(),
                        t.instrument().toString(), t.quantity(), t.priceFen(), cleared.valueFen(),
                        cleared.buyerFeeFen(), cleared.sellerFeeFen(), t.mode().name(),
                        event.executedAt().atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private Uni<Void> recordBreak(SqlConnection conn, TradeExecuted event, LedgerRejectedException refused,
                                  String json, Instant now) {
        LOG.errorf("trade %s cannot be cleared: %s %s", event.tradeId(), refused.rejection(), refused.getMessage());
        metrics.counter("settlement.clearing.breaks", "code", refused.rejection().name()).increment();
        return conn.preparedQuery("insert into clearing_break (trade_id, code, reason, event, recorded_at)"
                        + " values ($1, $2, $3, $4, $5) on conflict (trade_id) do nothing")
                .execute(Tuple.of(event.tradeId(), refused.rejection().name(), refused.getMessage(), json,
                        now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
