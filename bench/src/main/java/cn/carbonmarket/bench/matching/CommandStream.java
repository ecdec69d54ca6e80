package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.OrderBook;
import cn.carbonmarket.trading.orderbook.ResultCode;
import cn.carbonmarket.contracts.trade.Side;
import java.util.Arrays;

/** Book commands in parallel primitive arrays, so that replaying them allocates nothing but what the book does. */
final class CommandStream {

    static final byte PLACE = 0;
    static final byte CANCEL = 1;
    static final byte TAKE = 2;
    /** An immediate-or-cancel limit order: trades what crosses, keeps nothing (what exchange-core calls IOC). */
    static final byte IOC = 3;
    /** Moves a resting order to a new price behind the orders there (what exchange-core calls a move). */
    static final byte REPLACE = 4;

    private static final Side[] SIDES = Side.values();

    private byte[] kinds;
    private long[] ids;
    private int[] owners;
    private byte[] sides;
    private long[] prices;
    private long[] quantities;
    private int[] levels;
    private int size;

    CommandStream(int capacity) {
        kinds = new byte[capacity];
        ids = new long[capacity];
        owners = new int[capacity];
        sides = new byte[capacity];
        prices = new long[capacity];
        quantities = new long[capacity];
        levels = new int[capacity];
    }

    int size() {
        return size;
    }

    byte kind(int i) {
        return kinds[i];
    }

    void place(long id, int owner, Side side, long price, long quantity) {
        add(PLACE, id, owner, side, price, quantity, 0);
    }

    void cancel(long id) {
        add(CANCEL, id, 0, Side.BUY, 0, 0, 0);
    }

    void take(long id, int owner, Side side, int level, long quantity) {
        add(TAKE, id, owner, side, 0, quantity, level);
    }

    void immediateOrCancel(long id, int owner, Side side, long price, long quantity) {
        add(IOC, id, owner, side, price, quantity, 0);
    }

    void replace(long id, int owner, Side side, long price) {
        add(REPLACE, id, owner, side, price, 0, 0);
    }

    long id(int i) {
        return ids[i];
    }

    Side side(int i) {
        return SIDES[sides[i]];
    }

    long price(int i) {
        return prices[i];
    }

    long quantity(int i) {
        return quantities[i];
    }

    private void add(byte kind, long id, int owner, Side side, long price, long quantity, int level) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            ids = Arrays.copyOf(ids, capacity);
            owners = Arrays.copyOf(owners, capacity);
            sides = Arrays.copyOf(sides, capacity);
            prices = Arrays.copyOf(prices, capacity);
            quantities = Arrays.copyOf(quantities, capacity);
            levels = Arrays.copyOf(levels, capacity);
        }
        kinds[size] = kind;
        ids[size] = id;
        owners[size] = owner;
        sides[size] = (byte) side.ordinal();
        prices[size] = price;
        quantities[size] = quantity;
        levels[size++] = level;
    }

    /** Runs command {@code i} against the book; returns its result code's ordinal. */
    int apply(OrderBook book, int i) {
        return switch (kinds[i]) {
            case PLACE -> book.place(ids[i], owners[i], SIDES[sides[i]], prices[i], quantities[i]).ordinal();
            case CANCEL -> book.cancel(ids[i]).ordinal();
            case TAKE -> book.takeAtLevel(ids[i], owners[i], SIDES[sides[i]], levels[i], quantities[i]).ordinal();
            case IOC -> immediateOrCancel(book, i).ordinal();
            default -> replace(book, i).ordinal();
        };
    }

    /** Our book has no IOC limit order: a limit order whose resting remainder is cancelled at once. */
    private ResultCode immediateOrCancel(OrderBook book, int i) {
        ResultCode placed = book.place(ids[i], owners[i], SIDES[sides[i]], prices[i], quantities[i]);
        return placed.accepted() && book.openQuantity(ids[i]) > 0 ? book.cancel(ids[i]) : placed;
    }

    /** Our book has no replace: a cancel, then a new order for the open quantity at the new price. */
    private ResultCode replace(OrderBook book, int i) {
        long open = book.openQuantity(ids[i]);
        if (open == 0) {
            return ResultCode.UNKNOWN_ORDER;
        }
        book.cancel(ids[i]);
        return book.place(ids[i], owners[i], SIDES[sides[i]], prices[i], open);
    }

    /** Runs every command in order; returns a sum of the result codes so the work cannot be optimised away. */
    long replay(OrderBook book) {
        long results = 0;
        for (int i = 0; i < size; i++) {
            results += apply(book, i);
        }
        return results;
    }
}
