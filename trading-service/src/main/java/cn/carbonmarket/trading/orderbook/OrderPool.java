package cn.carbonmarket.trading.orderbook;

import java.util.Arrays;

/** Recycles {@link RestingOrder} nodes: a stack of free ones, topped up only when the book grows past its peak. */
final class OrderPool {

    private RestingOrder[] free;
    private int size;

    OrderPool(int initial) {
        free = new RestingOrder[Math.max(initial, 16)];
        for (int i = 0; i < initial; i++) {
            free[size++] = new RestingOrder();
        }
    }

    RestingOrder take() {
        return size == 0 ? new RestingOrder() : free[--size];
    }

    void release(RestingOrder order) {
        order.ladder = null;
        order.previous = null;
        order.next = null;
        if (size == free.length) {
            free = Arrays.copyOf(free, size * 2);
        }
        free[size++] = order;
    }
}
