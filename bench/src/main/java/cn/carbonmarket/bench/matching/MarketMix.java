package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.BookEvents;
import cn.carbonmarket.trading.orderbook.CancelReason;
import cn.carbonmarket.trading.orderbook.Depth;
import cn.carbonmarket.trading.orderbook.FastOrderBook;
import cn.carbonmarket.trading.orderbook.OrderBook;
import cn.carbonmarket.trading.orderbook.PriceBand;
import cn.carbonmarket.contracts.trade.Side;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic day's flow for one instrument, generated once and replayed: a book opened with 1,000 price levels
 * (500 bid and 500 ask levels around a 100.00 CNY close, two orders each), then about 60% limit orders (most
 * resting near the touch or deeper, a quarter priced through the opposite best so that they cross), 30% cancels
 * of live orders and 10% listing-agreement takes at one of the counterparty's best five levels. The orders come
 * from {@value #PARTIES} parties picked at random, so an order rarely meets its own party's resting order and
 * self-trade prevention stops matching about as seldom as in a real market. The generator runs the commands
 * through a book as it goes so that cancels name orders that are live at that moment.
 */
final class MarketMix {

    static final long PREVIOUS_CLOSE = 10_000;
    static final PriceBand BAND = PriceBand.around(PREVIOUS_CLOSE, 1_000, 1);
    static final int LEVELS_PER_SIDE = 500;
    static final int ORDERS_PER_LEVEL = 2;
    /** Every order is for 1 to 100 t. */
    static final int QUANTITY = 100;
    /**
     * Resting orders go within 20 ticks of the touch or, two in three, anywhere in the side's 500 levels: with this
     * spread the flow keeps the book near its 1,000 levels (found by trying; a tighter spread drains it).
     */
    static final int NEAR_TOUCH = 20;
    static final int DEEP_SHARE_PERCENT = 65;
    static final int PARTIES = 2_000;

    final CommandStream opening;
    final CommandStream flow;
    final String description;

    private MarketMix(CommandStream opening, CommandStream flow, String description) {
        this.opening = opening;
        this.flow = flow;
        this.description = description;
    }

    /** A book holding the opening orders, ready for the flow. */
    FastOrderBook openBook(BookEvents events) {
        FastOrderBook book = new FastOrderBook(BAND, 1, 1 << 16, events);
        opening.replay(book);
        return book;
    }

    static MarketMix generate(long seed, int commands) {
        SplittableRandom random = new SplittableRandom(seed);
        LiveOrders live = new LiveOrders();
        OrderBook book = new FastOrderBook(BAND, 1, 1 << 16, live);
        long nextId = 1;

        CommandStream opening = new CommandStream(2 * LEVELS_PER_SIDE * ORDERS_PER_LEVEL);
        for (int level = 0; level < LEVELS_PER_SIDE; level++) {
            for (int n = 0; n < ORDERS_PER_LEVEL; n++) {
                opening.place(nextId++, random.nextInt(PARTIES), Side.BUY, PREVIOUS_CLOSE - 1 - level,
                        1 + random.nextInt(QUANTITY));
                opening.place(nextId++, random.nextInt(PARTIES), Side.SELL, PREVIOUS_CLOSE + 1 + level,
                        1 + random.nextInt(QUANTITY));
            }
        }
        opening.replay(book);

        CommandStream flow = new CommandStream(commands);
        Depth top = new Depth(1);
        Depth all = new Depth(LEVELS_PER_SIDE * 4);
        int fewestLevels = Integer.MAX_VALUE;
        int mostLevels = 0;
        int limits = 0;
        int crossing = 0;
        int cancels = 0;
        int takes = 0;
        while (flow.size() < commands) {
            int dice = random.nextInt(100);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            book.depth(top);
            if (dice < 30 && live.size() > 0) {
                flow.cancel(live.pick(random));
                cancels++;
            } else if (dice >= 90) {
                flow.take(nextId++, random.nextInt(PARTIES), side, 1 + random.nextInt(5),
                        1 + random.nextInt(QUANTITY));
                takes++;
            } else {
                boolean cross = random.nextInt(4) == 0 && top.levels(side.opposite()) > 0;
                long price = cross ? through(top, side, random) : passive(top, side, random);
                flow.place(nextId++, random.nextInt(PARTIES), side,
                        Math.max(BAND.lowest(), Math.min(BAND.highest(), price)), 1 + random.nextInt(QUANTITY));
                limits++;
                crossing += cross ? 1 : 0;
            }
            flow.apply(book, flow.size() - 1);
            if (flow.size() % 1_000 == 0) {
                book.depth(all);
                fewestLevels = Math.min(fewestLevels, all.levels(Side.BUY) + all.levels(Side.SELL));
                mostLevels = Math.max(mostLevels, all.levels(Side.BUY) + all.levels(Side.SELL));
            }
        }
        String description = String.format("opening book %d levels (%d orders); flow of %d commands: %d%% limit "
                        + "orders (%d%% of them priced to cross), %d%% cancels, %d%% takes at one of the best 5 levels; "
                        + "the book holds %d to %d price levels during the flow and %d orders at its end; "
                        + "%d orders of its %d parties stopped by self-trade prevention",
                2 * LEVELS_PER_SIDE, opening.size(), commands, 100 * limits / commands, 100 * crossing / limits,
                100 * cancels / commands, 100 * takes / commands, fewestLevels, mostLevels, live.size(),
                live.selfTradesPrevented, PARTIES);
        return new MarketMix(opening, flow, description);
    }

    /** A price through the opposite best by 0-2 ticks: the order trades on entry. */
    private static long through(Depth top, Side side, SplittableRandom random) {
        long best = top.price(side.opposite(), 0);
        return side == Side.BUY ? best + random.nextInt(3) : best - random.nextInt(3);
    }

    /** A resting price behind the opposite touch, near it or deep. */
    private static long passive(Depth top, Side side, SplittableRandom random) {
        long touch = top.levels(side.opposite()) > 0 ? top.price(side.opposite(), 0) : PREVIOUS_CLOSE;
        boolean deep = random.nextInt(100) < DEEP_SHARE_PERCENT;
        int behind = 1 + random.nextInt(deep ? LEVELS_PER_SIDE : NEAR_TOUCH);
        return side == Side.BUY ? touch - behind : touch + behind;
    }

    /** Which orders rest at the moment, so that generated cancels name live orders. */
    private static final class LiveOrders implements BookEvents {
        private long[] ids = new long[1 << 16];
        private int size;
        private final Map<Long, Integer> positions = new HashMap<>();
        int selfTradesPrevented;

        int size() {
            return size;
        }

        long pick(SplittableRandom random) {
            return ids[random.nextInt(size)];
        }

        @Override
        public void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity,
                           long makerRemaining, long takerRemaining) {
            if (makerRemaining == 0) {
                remove(makerOrderId);
            }
        }

        @Override
        public void rested(long orderId, Side side, long price, long quantity) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            positions.put(orderId, size);
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
            long last = ids[--size];
            if (last != id) {
                ids[position] = last;
                positions.put(last, position);
            }
        }
    }
}
