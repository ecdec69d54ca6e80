package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;
import java.util.Arrays;

/**
 * The best price levels of both sides (price, open quantity, number of orders), best first. Reused between
 * snapshots so that publishing depth after every command allocates nothing.
 */
public final class Depth {

    private final int levels;
    private final long[] bidPrices;
    private final long[] bidQuantities;
    private final int[] bidOrders;
    private final long[] askPrices;
    private final long[] askQuantities;
    private final int[] askOrders;
    private int bidLevels;
    private int askLevels;

    public Depth(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("a depth snapshot needs at least one level, not " + levels);
        }
        this.levels = levels;
        bidPrices = new long[levels];
        bidQuantities = new long[levels];
        bidOrders = new int[levels];
        askPrices = new long[levels];
        askQuantities = new long[levels];
        askOrders = new int[levels];
    }

    /** How many levels per side this snapshot holds at most. */
    public int levels() {
        return levels;
    }

    void clear() {
        bidLevels = 0;
        askLevels = 0;
    }

    /** Appends the next-best level of a side; the book calls it best first. */
    void add(Side side, long price, long quantity, int orders) {
        if (side == Side.BUY) {
            bidPrices[bidLevels] = price;
            bidQuantities[bidLevels] = quantity;
            bidOrders[bidLevels++] = orders;
        } else {
            askPrices[askLevels] = price;
            askQuantities[askLevels] = quantity;
            askOrders[askLevels++] = orders;
        }
    }

    boolean full(Side side) {
        return (side == Side.BUY ? bidLevels : askLevels) == levels;
    }

    /** The number of levels present on a side (0 when it is empty). */
    public int levels(Side side) {
        return side == Side.BUY ? bidLevels : askLevels;
    }

    /** The price of a side's level {@code i} (0 = best). */
    public long price(Side side, int i) {
        return (side == Side.BUY ? bidPrices : askPrices)[checked(side, i)];
    }

    public long quantity(Side side, int i) {
        return (side == Side.BUY ? bidQuantities : askQuantities)[checked(side, i)];
    }

    public int orders(Side side, int i) {
        return (side == Side.BUY ? bidOrders : askOrders)[checked(side, i)];
    }

    private int checked(Side side, int i) {
        if (i < 0 || i >= levels(side)) {
            throw new IndexOutOfBoundsException("level " + i + " of " + levels(side) + " " + side + " levels");
        }
        return i;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Depth d && d.bidLevels == bidLevels && d.askLevels == askLevels
                && Arrays.equals(d.bidPrices, 0, bidLevels, bidPrices, 0, bidLevels)
                && Arrays.equals(d.bidQuantities, 0, bidLevels, bidQuantities, 0, bidLevels)
                && Arrays.equals(d.bidOrders, 0, bidLevels, bidOrders, 0, bidLevels)
                && Arrays.equals(d.askPrices, 0, askLevels, askPrices, 0, askLevels)
                && Arrays.equals(d.askQuantities, 0, askLevels, askQuantities, 0, askLevels)
                && Arrays.equals(d.askOrders, 0, askLevels, askOrders, 0, askLevels);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bidLevels > 0 ? bidPrices[0] : 0) * 31 + Long.hashCode(askLevels > 0 ? askPrices[0] : 0);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("bids");
        for (int i = 0; i < bidLevels; i++) {
            text.append(' ').append(bidQuantities[i]).append('@').append(bidPrices[i]).append('/').append(bidOrders[i]);
        }
        text.append(" | asks");
        for (int i = 0; i < askLevels; i++) {
            text.append(' ').append(askQuantities[i]).append('@').append(askPrices[i]).append('/').append(askOrders[i]);
        }
        return text.toString();
    }
}
