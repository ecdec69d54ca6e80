package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;

/**
 * The production book: two price ladders spanning the day's band (one slot per tick), intrusive order queues,
 * pooled order nodes and an unboxed id index. After warm-up a command allocates nothing. Checked against
 * {@link ReferenceOrderBook} by the property tests.
 */
public final class FastOrderBook implements OrderBook {

    private final long lowestPrice;
    private final long tick;
    private final int slots;
    private final Ladder bids;
    private final Ladder asks;
    private final OrderIndex index;
    private final OrderPool pool;
    private final BookEvents events;

    /**
     * @param band           the only prices this book will see (the day's band; validation refuses the rest)
     * @param tick           the price step in fen
     * @param expectedOrders how many orders may rest at once before the index and the pool have to grow
     */
    public FastOrderBook(PriceBand band, long tick, int expectedOrders, BookEvents events) {
        if (band.lowest() % tick != 0) {
            throw new IllegalArgumentException("the band's lowest price " + band.lowest() + " is off the tick " + tick);
        }
        this.lowestPrice = band.lowest();
        this.tick = tick;
        this.slots = Math.toIntExact((band.highest() - band.lowest()) / tick + 1);
        this.bids = new Ladder(Side.BUY, slots);
        this.asks = new Ladder(Side.SELL, slots);
        this.index = new OrderIndex(expectedOrders);
        this.pool = new OrderPool(expectedOrders);
        this.events = events;
    }

    private Ladder ladder(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private int slot(long price) {
        long offset = price - lowestPrice;
        if (offset < 0 || offset % tick != 0 || offset / tick >= slots) {
            throw new IllegalArgumentException("price " + price + " is not a tick of this book's band");
        }
        return (int) (offset / tick);
    }

    private long price(int slot) {
        return lowestPrice + slot * tick;
    }

    @Override
    public ResultCode place(long orderId, int owner, Side side, long price, long quantity) {
        requirePositive(orderId);
        int limit = slot(price);
        if (index.get(orderId) != null) {
            return ResultCode.DUPLICATE_ORDER_ID;
        }
        Ladder opposite = ladder(side.opposite());
        long open = quantity;
        for (int best = opposite.best(); open > 0 && best != Ladder.NONE && opposite.crosses(best, limit);
             best = opposite.best()) {
            open = fill(opposite, best, orderId, owner, side, open);
            if (open > 0 && opposite.head(best) != null) {
                events.cancelled(orderId, open, CancelReason.SELF_TRADE_PREVENTED);
                return ResultCode.ACCEPTED;
            }
        }
        if (open > 0) {
            RestingOrder order = pool.take();
            order.id = orderId;
            order.owner = owner;
            order.open = open;
            ladder(side).append(order, limit);
            index.put(order);
            events.rested(orderId, side, price, open);
        }
        return ResultCode.ACCEPTED;
    }

    @Override
    public ResultCode takeAtLevel(long orderId, int owner, Side side, int level, long quantity) {
        requirePositive(orderId);
        if (index.get(orderId) != null) {
            return ResultCode.DUPLICATE_ORDER_ID;
        }
        Ladder opposite = ladder(side.opposite());
        int slot = level < 1 ? Ladder.NONE : opposite.best();
        for (int i = 1; i < level && slot != Ladder.NONE; i++) {
            slot = opposite.worse(slot);
        }
        if (slot == Ladder.NONE) {
            return ResultCode.NO_SUCH_LEVEL;
        }
        long open = fill(opposite, slot, orderId, owner, side, quantity);
        if (open > 0) {
            events.cancelled(orderId, open, opposite.head(slot) != null
                    ? CancelReason.SELF_TRADE_PREVENTED : CancelReason.IMMEDIATE_OR_CANCEL_REMAINDER);
        }
        return ResultCode.ACCEPTED;
    }

    /**
     * Fills the taker against one price level in time order, up to the first order of the taker's own owner;
     * returns what the taker still has open. With some left open, the level is still occupied only if it stopped
     * at an own order (otherwise it emptied the level).
     */
    private long fill(Ladder ladder, int slot, long takerId, int takerOwner, Side takerSide, long open) {
        long price = price(slot);
        RestingOrder maker = ladder.head(slot);
        while (open > 0 && maker != null && maker.owner != takerOwner) {
            long quantity = Math.min(open, maker.open);
            open -= quantity;
            RestingOrder next = maker.next;
            long makerId = maker.id;
            long makerOpen = maker.open - quantity;
            if (makerOpen == 0) {
                ladder.remove(maker);
                index.remove(makerId);
                pool.release(maker);
            } else {
                maker.open = makerOpen;
                ladder.reduce(slot, quantity);
            }
            events.traded(makerId, takerId, takerSide, price, quantity, makerOpen, open);
            maker = next;
        }
        return open;
    }

    @Override
    public ResultCode cancel(long orderId) {
        RestingOrder order = orderId > 0 ? index.get(orderId) : null;
        if (order == null) {
            return ResultCode.UNKNOWN_ORDER;
        }
        long open = order.open;
        order.ladder.remove(order);
        index.remove(orderId);
        pool.release(order);
        events.cancelled(orderId, open, CancelReason.REQUESTED);
        return ResultCode.ACCEPTED;
    }

    @Override
    public long openQuantity(long orderId) {
        RestingOrder order = orderId > 0 ? index.get(orderId) : null;
        return order == null ? 0 : order.open;
    }

    @Override
    public void depth(Depth depth) {
        depth.clear();
        snapshot(Side.BUY, depth);
        snapshot(Side.SELL, depth);
    }

    private void snapshot(Side side, Depth depth) {
        Ladder ladder = ladder(side);
        for (int slot = ladder.best(); slot != Ladder.NONE && !depth.full(side); slot = ladder.worse(slot)) {
            depth.add(side, price(slot), ladder.quantity(slot), ladder.count(slot));
        }
    }

    private static void requirePositive(long orderId) {
        if (orderId <= 0) {
            throw new IllegalArgumentException("order ids are positive, not " + orderId);
        }
    }
}
