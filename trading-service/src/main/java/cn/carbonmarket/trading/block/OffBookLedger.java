package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.marketdata.MarketDataFeed;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.risk.ReservationKey;
import cn.carbonmarket.trading.trade.RecordedTrade;
import cn.carbonmarket.trading.trade.TradeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Off-book trades recorded like the book's fills: checked against and booked into pre-trade risk, then recorded by
 * {@link TradeLog} (trade row, balance changes, {@code TradeExecuted} and any {@code LargeTraderReported} through
 * the outbox, so settlement clears them and surveillance sees them) and printed to market data.
 *
 * <p>A block acceptance records its trade on the connection that changes the offer's row, in one transaction:
 * there is no moment at which the offer is accepted and its trade not recorded. An auction's close changes its
 * Hibernate Reactive entities, the trade log writes on the reactive pool, so the two are separate transactions:
 * the recording follows the close's commit, and a stop in between leaves a cleared auction without its trades,
 * which {@code ClearedAuctions} hands to pre-trade risk's recovery on start. Recording is idempotent by the stable
 * trade id, so a retry or that recovery never records a trade twice; market data prints only what was committed.
 *
 * <p>Off-book trades count towards the large-trader threshold like fills, but are never seen by the abnormal-price
 * watch: they do not move the continuous book's price.
 */
@ApplicationScoped
public class OffBookLedger {

    private static final Duration RETRY_FIRST = Duration.ofMillis(50);
    private static final Duration RETRY_MAX = Duration.ofSeconds(2);
    private static final int RETRIES = 5;

    private final PreTradeRisk risk;
    private final TradeLog log;
    private final MarketDataFeed feed;

    public OffBookLedger(PreTradeRisk risk, TradeLog log, MarketDataFeed feed) {
        this.risk = risk;
        this.log = log;
        this.feed = feed;
    }

    /**
     * The trade with its fees, booked into both parties' risk balances, with the large-trader report it owes;
     * refused with 422 and nothing changed.
     */
    public RecordedTrade book(OffBookTrade trade) {
        return risk.execute(trade.priced(risk.book().pricing()));
    }

    /**
     * Reserves, under {@code key}, what an off-book commitment may need when it trades (an auction bid: price and
     * the most fee per tonne; an auction's volume: the seller's tonnes); refused with 422 and nothing changed.
     */
    public void reserve(ReservationKey.OffBook key, TradeMode mode, PartyId party, InstrumentCode instrument, Side side,
                        long price, long quantity) {
        risk.reserve(key, mode, party, instrument, side, price, quantity).ifPresent(refusal -> {
            throw new RuleViolationException(refusal.code(), refusal.message());
        });
    }

    /** Frees what is left under the keys (commitments that ended, or whose transaction did not commit). */
    public void release(List<ReservationKey.OffBook> keys) {
        keys.forEach(risk.book()::releaseReservation);
    }

    /**
     * A trade filling reservations made under {@code buyKey} and {@code sellKey} (it was covered when they were),
     * with the large-trader report it owes.
     */
    public RecordedTrade fill(OffBookTrade trade, ReservationKey.OffBook buyKey, ReservationKey.OffBook sellKey) {
        return risk.fill(trade.priced(risk.book().pricing()), buyKey, sellKey);
    }

    /** Takes back bookings whose transaction did not commit. */
    public void undo(List<RecordedTrade> trades) {
        trades.forEach(trade -> risk.undo(trade.trade()));
    }

    /** Records the trades inside the transaction on {@code conn} that makes them; print them once it committed. */
    public Uni<Void> record(SqlConnection conn, List<RecordedTrade> trades) {
        return log.record(conn, trades).replaceWithVoid();
    }

    /**
     * After the commit that made them: records the trades (once, by id; retried, since the commit already made
     * them) and prints them. Should every attempt fail, recovery on the next start records them.
     */
    public Uni<Void> record(List<RecordedTrade> trades) {
        return log.record(trades)
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).atMost(RETRIES)
                .invoke(() -> print(trades))
                .replaceWithVoid();
    }

    /** Prints committed trades to market data. */
    public void print(List<RecordedTrade> trades) {
        trades.stream().map(RecordedTrade::trade).forEach(t -> feed.print(new TradePrinted(t.tradeId(),
                t.instrument(), t.quantity(), t.priceFen(), t.mode(), t.executedAt())));
    }
}
