package cn.carbonmarket.trading.orderbook;

/**
 * Resting orders by id without boxing: open addressing with linear probing over a power-of-two table kept at
 * most half full, and backward-shift deletion so that no tombstones slow the probes down over a trading day.
 * Id 0 marks a free slot (order ids are positive).
 */
final class OrderIndex {

    private static final long FREE = 0;

    private long[] ids;
    private RestingOrder[] orders;
    private int mask;
    private int size;

    OrderIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(expected, 8) * 2 - 1) << 1;
        ids = new long[capacity];
        orders = new RestingOrder[capacity];
        mask = capacity - 1;
    }

    private int home(long id) {
        long mixed = id * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    RestingOrder get(long id) {
        for (int slot = home(id); ; slot = (slot + 1) & mask) {
            long found = ids[slot];
            if (found == id) {
                return orders[slot];
            }
            if (found == FREE) {
                return null;
            }
        }
    }

    /** Adds an order whose id is not in the index yet. */
    void put(RestingOrder order) {
        if (2 * (size + 1) > ids.length) {
            grow();
        }
        int slot = home(order.id);
        while (ids[slot] != FREE) {
            slot = (slot + 1) & mask;
        }
        ids[slot] = order.id;
        orders[slot] = order;
        size++;
    }

    void remove(long id) {
        int slot = home(id);
        while (ids[slot] != id) {
            if (ids[slot] == FREE) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        // Pull later members of the probe run back into the hole unless their home lies cyclically after it.
        int hole = slot;
        for (int next = (hole + 1) & mask; ids[next] != FREE; next = (next + 1) & mask) {
            int home = home(ids[next]);
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                ids[hole] = ids[next];
                orders[hole] = orders[next];
                hole = next;
            }
        }
        ids[hole] = FREE;
        orders[hole] = null;
        size--;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldIds = ids;
        RestingOrder[] oldOrders = orders;
        ids = new long[oldIds.length * 2];
        orders = new RestingOrder[oldIds.length * 2];
        mask = ids.length - 1;
        size = 0;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != FREE) {
                put(oldOrders[i]);
            }
        }
    }
}
