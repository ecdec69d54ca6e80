package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;

/**
 * One side of the fast book: a slot per price step of the day's band, each holding its orders as an intrusive
 * FIFO queue and its open quantity, with a bitmap of the occupied slots so that finding the next price level
 * costs a few word scans instead of a walk over empty prices.
 */
final class Ladder {

    static final int NONE = -1;

    private final boolean bids;
    private final RestingOrder[] heads;
    private final RestingOrder[] tails;
    private final long[] quantities;
    private final int[] counts;
    private final long[] occupied;
    private int best = NONE;

    Ladder(Side side, int slots) {
        bids = side == Side.BUY;
        heads = new RestingOrder[slots];
        tails = new RestingOrder[slots];
        quantities = new long[slots];
        counts = new int[slots];
        occupied = new long[(slots + 63) >>> 6];
    }

    /** The best occupied slot (highest bid, lowest ask) or {@link #NONE}. */
    int best() {
        return best;
    }

    /** The next occupied slot after {@code slot} going away from the best, or {@link #NONE}. */
    int worse(int slot) {
        return bids ? occupiedAtOrBelow(slot - 1) : occupiedAtOrAbove(slot + 1);
    }

    /** Whether a slot's price is at least as good for the counterparty as {@code limit}, i.e. they cross. */
    boolean crosses(int slot, int limit) {
        return bids ? slot >= limit : slot <= limit;
    }

    RestingOrder head(int slot) {
        return heads[slot];
    }

    long quantity(int slot) {
        return quantities[slot];
    }

    int count(int slot) {
        return counts[slot];
    }

    void append(RestingOrder order, int slot) {
        order.ladder = this;
        order.level = slot;
        RestingOrder tail = tails[slot];
        order.previous = tail;
        order.next = null;
        if (tail == null) {
            heads[slot] = order;
            occupied[slot >>> 6] |= 1L << slot;
            if (best == NONE || (bids ? slot > best : slot < best)) {
                best = slot;
            }
        } else {
            tail.next = order;
        }
        tails[slot] = order;
        quantities[slot] += order.open;
        counts[slot]++;
    }

    /** Records a fill of a resting order that stays in the queue. */
    void reduce(int slot, long quantity) {
        quantities[slot] -= quantity;
    }

    /** Unlinks an order; its remaining open quantity leaves the level with it. */
    void remove(RestingOrder order) {
        int slot = order.level;
        RestingOrder previous = order.previous;
        RestingOrder next = order.next;
        if (previous == null) {
            heads[slot] = next;
        } else {
            previous.next = next;
        }
        if (next == null) {
            tails[slot] = previous;
        } else {
            next.previous = previous;
        }
        quantities[slot] -= order.open;
        if (--counts[slot] == 0) {
            occupied[slot >>> 6] &= ~(1L << slot);
            if (slot == best) {
                best = worse(slot);
            }
        }
    }

    private int occupiedAtOrAbove(int slot) {
        int word = slot >>> 6;
        if (word >= occupied.length) {
            return NONE;
        }
        long bits = occupied[word] & (-1L << slot);
        while (bits == 0) {
            if (++word == occupied.length) {
                return NONE;
            }
            bits = occupied[word];
        }
        return (word << 6) + Long.numberOfTrailingZeros(bits);
    }

    private int occupiedAtOrBelow(int slot) {
        if (slot < 0) {
            return NONE;
        }
        int word = slot >>> 6;
        long bits = occupied[word] & (-1L >>> (63 - (slot & 63)));
        while (bits == 0) {
            if (--word < 0) {
                return NONE;
            }
            bits = occupied[word];
        }
        return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }
}
