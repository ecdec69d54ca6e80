package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The obviously correct book: a sorted map of price to a FIFO queue per side. Slow and allocating; it exists so
 * that {@link FastOrderBook} can be checked against it command by command.
 */
public final class ReferenceOrderBook implements OrderBook {

    private static final class Order {
        final long id;
        final int owner;
        final Side side;
        final long price;
        long open;

        Order(long id, int owner, Side side, long price, long open) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.price = price;
            this.open = open;
        }
    }

    /** Best first: highest bid, lowest ask. */
    private final NavigableMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private final Map<Long, Order> resting = new HashMap<>();
    private final BookEvents events;

    public ReferenceOrderBook(BookEvents events) {
        this.events = events;
    }

    private NavigableMap<Long, ArrayDeque<Order>> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public ResultCode place(long orderId, int owner, Side side, long price, long quantity) {
        requirePositive(orderId);
        if (resting.containsKey(orderId)) {
            return ResultCode.DUPLICATE_ORDER_ID;
        }
        long open = quantity;
        NavigableMap<Long, ArrayDeque<Order>> opposite = side(side.opposite());
        while (open > 0 && !opposite.isEmpty()) {
            long best = opposite.firstKey();
            boolean crosses = side == Side.BUY ? best <= price : best >= price;
            if (!crosses) {
                break;
            }
            open = fill(opposite, best, orderId, owner, side, open);
            if (open > 0 && opposite.containsKey(best)) {
                events.cancelled(orderId, open, CancelReason.SELF_TRADE_PREVENTED);
                return ResultCode.ACCEPTED;
            }
        }
        if (open > 0) {
            Order order = new Order(orderId, owner, side, price, open);
            side(side).computeIfAbsent(price, p -> new ArrayDeque<>()).addLast(order);
            resting.put(orderId, order);
            events.rested(orderId, side, price, open);
        }
        return ResultCode.ACCEPTED;
    }

    @Override
    public ResultCode takeAtLevel(long orderId, int owner, Side side, int level, long quantity) {
        requirePositive(orderId);
        if (resting.containsKey(orderId)) {
            return ResultCode.DUPLICATE_ORDER_ID;
        }
        NavigableMap<Long, ArrayDeque<Order>> opposite = side(side.opposite());
        if (level < 1 || level > opposite.size()) {
            return ResultCode.NO_SUCH_LEVEL;
        }
        Iterator<Long> prices = opposite.keySet().iterator();
        long price = prices.next();
        for (int i = 1; i < level; i++) {
            price = prices.next();
        }
        long open = fill(opposite, price, orderId, owner, side, quantity);
        if (open > 0) {
            events.cancelled(orderId, open, opposite.containsKey(price)
                    ? CancelReason.SELF_TRADE_PREVENTED : CancelReason.IMMEDIATE_OR_CANCEL_REMAINDER);
        }
        return ResultCode.ACCEPTED;
    }

    /**
     * Fills the taker against one price level in time order, up to the first order of the taker's own owner;
     * returns what the taker still has open. The level stays in the map only if it still holds orders.
     */
    private long fill(NavigableMap<Long, ArrayDeque<Order>> side, long price, long takerId, int takerOwner,
                      Side takerSide, long open) {
        ArrayDeque<Order> queue = side.get(price);
        while (open > 0 && !queue.isEmpty() && queue.peekFirst().owner != takerOwner) {
            Order maker = queue.peekFirst();
            long quantity = Math.min(open, maker.open);
            maker.open -= quantity;
            open -= quantity;
            events.traded(maker.id, takerId, takerSide, price, quantity, maker.open, open);
            if (maker.open == 0) {
                queue.removeFirst();
                resting.remove(maker.id);
            }
        }
        if (queue.isEmpty()) {
            side.remove(price);
        }
        return open;
    }

    @Override
    public ResultCode cancel(long orderId) {
        Order order = resting.remove(orderId);
        if (order == null) {
            return ResultCode.UNKNOWN_ORDER;
        }
        ArrayDeque<Order> queue = side(order.side).get(order.price);
        queue.remove(order);
        if (queue.isEmpty()) {
            side(order.side).remove(order.price);
        }
        events.cancelled(orderId, order.open, CancelReason.REQUESTED);
        return ResultCode.ACCEPTED;
    }

    @Override
    public long openQuantity(long orderId) {
        Order order = resting.get(orderId);
        return order == null ? 0 : order.open;
    }

    @Override
    public void depth(Depth depth) {
        depth.clear();
        for (Side side : Side.values()) {
            for (Map.Entry<Long, ArrayDeque<Order>> level : side(side).entrySet()) {
                if (depth.full(side)) {
                    break;
                }
                depth.add(side, level.getKey(), level.getValue().stream().mapToLong(o -> o.open).sum(),
                        level.getValue().size());
            }
        }
    }

    private static void requirePositive(long orderId) {
        if (orderId <= 0) {
            throw new IllegalArgumentException("order ids are positive, not " + orderId);
        }
    }
}
