package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.orderbook.CancelReason;
import cn.carbonmarket.trading.orderbook.ResultCode;
import cn.carbonmarket.contracts.trade.Side;
import java.time.Instant;

/**
 * An order as its engine keeps it, changed only on the engine's writer thread; others see {@link OrderView}
 * copies. Its quantities always add up: filled + open + cancelled = ordered.
 */
final class Order {

    final long id;
    final PartyId party;
    final String clientOrderId;
    final InstrumentCode instrument;
    final Side side;
    /** The limit price in fen, or 0 for a take at a level (it trades at the level's price). */
    final long price;
    /** The chosen counterparty level of a take, or 0 for a limit order. */
    final int level;
    final long quantity;
    final Instant placedAt;
    long filled;
    long cancelled;
    /** Turnover in fen, for the average fill price. */
    long filledValue;
    ResultCode rejectedFor;
    /** Why the book last took open quantity away without trading, or null if it never did. */
    CancelReason cancelReason;
    /** Whether its open remainder was cancelled by the end of its trading day. */
    boolean expired;

    Order(long id, PartyId party, String clientOrderId, InstrumentCode instrument, Side side, long price, int level,
          long quantity, Instant placedAt) {
        this.id = id;
        this.party = party;
        this.clientOrderId = clientOrderId;
        this.instrument = instrument;
        this.side = side;
        this.price = price;
        this.level = level;
        this.quantity = quantity;
        this.placedAt = placedAt;
    }

    long open() {
        return quantity - filled - cancelled;
    }

    /** The end of the trading day cancels what is still open. */
    void expire() {
        cancelled += open();
        expired = true;
    }

    OrderState state() {
        if (rejectedFor != null) {
            return OrderState.REJECTED;
        }
        if (filled == quantity) {
            return OrderState.FILLED;
        }
        if (expired) {
            return OrderState.EXPIRED;
        }
        if (cancelled > 0) {
            return OrderState.CANCELLED;
        }
        return filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
    }

    OrderView view() {
        return new OrderView(id, party, clientOrderId, instrument, side, price, level, quantity, filled, open(),
                cancelled, filledValue, state(), rejectedFor == null ? null : rejectedFor.name(),
                cancelReason == null ? null : cancelReason.name(), placedAt);
    }
}
