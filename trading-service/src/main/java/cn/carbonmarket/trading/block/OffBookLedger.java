package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.marketdata.MarketDataFeed;
import cn.carbonmarket.trading.orderbook.Side;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.trade.RecordedTrade;
import cn.carbonmarket.trading.trade.TradeLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Off-book trades recorded like the book's fills: checked against and booked into pre-trade risk, then recorded by
 * {@link TradeLog} (trade row, balance changes, {@code TradeExecuted} through the outbox, so settlement clears
 * them) and printed to market data.
 *
 * <p>The block and auction state lives in a Hibernate Reactive transaction, the trade log on the reactive pool,
 * so the two are not one transaction: the risk booking happens inside the offer's or auction's transaction (and is
 * taken back if that fails), the recording after it committed. Recording is idempotent by the stable trade id, so
 * it is safe to retry after the commit; market data prints only what was committed.
 */
@ApplicationScoped
public class OffBookLedger {

    private final PreTradeRisk risk;
    private final TradeLog log;
    private final MarketDataFeed feed;

    public OffBookLedger(PreTradeRisk risk, TradeLog log, MarketDataFeed feed) {
        this.risk = risk;
        this.log = log;
        this.feed = feed;
    }

    /** The trade with its fees, booked into both parties' risk balances; refused with 422 and nothing changed. */
    public TradeExecuted book(OffBookTrade trade) {
        TradeExecuted executed = executed(trade);
        risk.execute(executed).ifPresent(refusal -> {
            throw new RuleViolationException(refusal.code(), refusal.message());
        });
        return executed;
    }

    /**
     * Reserves, under {@code key}, what an off-book commitment may need when it trades (an auction bid: price and
     * the most fee per tonne; an auction's volume: the seller's tonnes); refused with 422 and nothing changed.
     */
    public void reserve(String key, TradeExecuted.Mode mode, PartyId party, InstrumentCode instrument, Side side,
                        long price, long quantity) {
        risk.reserve(key, mode, party, instrument, side, price, quantity).ifPresent(refusal -> {
            throw new RuleViolationException(refusal.code(), refusal.message());
        });
    }

    /** Frees what is left under the keys (commitments that ended, or whose transaction did not commit). */
    public void release(List<String> keys) {
        keys.forEach(risk.book()::releaseReservation);
    }

    /** A trade filling reservations made under {@code buyKey} and {@code sellKey}: it was covered when they were. */
    public TradeExecuted fill(OffBookTrade trade, String buyKey, String sellKey) {
        TradeExecuted executed = executed(trade);
        risk.fill(executed, buyKey, sellKey);
        return executed;
    }

    private TradeExecuted executed(OffBookTrade trade) {
        return risk.book().trade(trade.tradeId(), trade.mode(), trade.instrument(), trade.buyer(), trade.seller(),
                trade.quantity(), trade.price(), trade.executedAt());
    }

    /** Takes back bookings whose transaction did not commit. */
    public void undo(List<TradeExecuted> trades) {
        trades.forEach(risk::undo);
    }

    /** After the commit: records the trades (once, by id) and prints them. */
    public Uni<Void> record(List<TradeExecuted> trades) {
        return log.record(trades.stream().map(RecordedTrade::replayed).toList())
                .invoke(() -> trades.forEach(t -> feed.print(new TradePrinted(t.tradeId(), t.instrument(),
                        t.quantity(), t.priceFen(), t.mode(), t.executedAt()))))
                .replaceWithVoid();
    }
}
