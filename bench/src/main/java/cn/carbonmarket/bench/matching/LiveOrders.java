package cn.carbonmarket.bench.matching;

import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.orderbook.BookEvents;
import cn.carbonmarket.trading.orderbook.CancelReason;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which orders rest at the moment, with their side and price, so that generated cancels and replaces name live
 * orders; it also counts the commands that traded and the orders self-trade prevention stopped.
 */
final class LiveOrders implements BookEvents {

    private long[] ids = new long[1 << 16];
    private Side[] sides = new Side[1 << 16];
    private long[] prices = new long[1 << 16];
    private int size;
    private final Map<Long, Integer> positions = new HashMap<>();
    private boolean tradedSinceMark;
    int selfTradesPrevented;
    int tradingCommands;

    int size() {
        return size;
    }

    /** The position of a live order picked at random. */
    int pick(SplittableRandom random) {
        return random.nextInt(size);
    }

    long id(int position) {
        return ids[position];
    }

    Side side(int position) {
        return sides[position];
    }

    long price(int position) {
        return prices[position];
    }

    /** Ends a command: counts it if it traded. */
    void commandDone() {
        tradingCommands += tradedSinceMark ? 1 : 0;
        tradedSinceMark = false;
    }

    @Override
    public void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity,
                       long makerRemaining, long takerRemaining) {
        tradedSinceMark = true;
        if (makerRemaining == 0) {
            remove(makerOrderId);
        }
    }

    @Override
    public void rested(long orderId, Side side, long price, long quantity) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            sides = Arrays.copyOf(sides, size * 2);
            prices = Arrays.copyOf(prices, size * 2);
        }
        positions.put(orderId, size);
        sides[size] = side;
        prices[size] = price;
        ids[size++] = orderId;
    }

    @Override
    public void cancelled(long orderId, long quantity, CancelReason reason) {
        if (reason == CancelReason.REQUESTED) {
            remove(orderId);
        }
        selfTradesPrevented += reason == CancelReason.SELF_TRADE_PREVENTED ? 1 : 0;
    }

    private void remove(long id) {
        int position = positions.remove(id);
        int last = --size;
        if (last != position) {
            ids[position] = ids[last];
            sides[position] = sides[last];
            prices[position] = prices[last];
            positions.put(ids[position], position);
        }
    }
}
