package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.BookEvents;
import cn.carbonmarket.trading.orderbook.Depth;
import cn.carbonmarket.trading.orderbook.FastOrderBook;
import cn.carbonmarket.trading.orderbook.OrderBook;
import cn.carbonmarket.trading.orderbook.PriceBand;
import cn.carbonmarket.contracts.trade.Side;
import java.util.SplittableRandom;

/**
 * A realistic day's flow for one instrument, generated once and replayed: a book opened with 1,000 price levels
 * (500 bid and 500 ask levels around a 100.00 CNY close, two orders each), then about 60% limit orders (most
 * resting near the touch or deeper, a quarter priced through the opposite best so that they cross), 30% cancels
 * of live orders and 10% listing-agreement takes at one of the counterparty's best five levels. The orders come
 * from {@value #PARTIES} parties picked at random, so an order rarely meets its own party's resting order and
 * self-trade prevention stops matching about as seldom as in a real market. The generator runs the commands
 * through a book as it goes so that cancels name orders that are live at that moment. The same opening also
 * carries the other {@link Flow}s, which exchange-core replays too.
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
    static final int OPENING_ORDERS = 2 * LEVELS_PER_SIDE * ORDERS_PER_LEVEL;

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
        return generate(seed, commands, Flow.MARKET);
    }

    static MarketMix generate(long seed, int commands, Flow shape) {
        SplittableRandom random = new SplittableRandom(seed);
        LiveOrders live = new LiveOrders();
        OrderBook book = new FastOrderBook(BAND, 1, 1 << 16, live);
        long nextId = 1;

        CommandStream opening = new CommandStream(OPENING_ORDERS);
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
        Depth top = new Depth(5);
        Depth all = new Depth(LEVELS_PER_SIDE * 4);
        int fewestLevels = Integer.MAX_VALUE;
        int mostLevels = 0;
        int[] kinds = new int[5];
        int crossing = 0;
        while (flow.size() < commands) {
            int dice = random.nextInt(100);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            book.depth(top);
            byte kind = shape.kind(dice, live.size());
            switch (kind) {
                case CommandStream.CANCEL -> flow.cancel(live.id(live.pick(random)));
                case CommandStream.TAKE -> flow.take(nextId++, random.nextInt(PARTIES), side, 1 + random.nextInt(5),
                        1 + random.nextInt(QUANTITY));
                case CommandStream.IOC -> {
                    long id = nextId++;
                    flow.immediateOrCancel(id, ownOwner(id), side, shape.immediatePrice(top, side, random),
                            1 + random.nextInt(QUANTITY));
                }
                case CommandStream.REPLACE -> {
                    int position = live.pick(random);
                    long id = live.id(position);
                    flow.replace(id, ownOwner(id), live.side(position), moved(live.price(position), random));
                }
                default -> {
                    boolean cross = shape.crosses(random) && top.levels(side.opposite()) > 0;
                    long price = cross ? through(top, side, random) : passive(top, side, random);
                    long id = nextId++;
                    flow.place(id, shape == Flow.MARKET ? random.nextInt(PARTIES) : ownOwner(id), side,
                            Math.max(BAND.lowest(), Math.min(BAND.highest(), price)), 1 + random.nextInt(QUANTITY));
                    crossing += cross ? 1 : 0;
                }
            }
            kinds[kind]++;
            flow.apply(book, flow.size() - 1);
            live.commandDone();
            if (flow.size() % 1_000 == 0) {
                book.depth(all);
                fewestLevels = Math.min(fewestLevels, all.levels(Side.BUY) + all.levels(Side.SELL));
                mostLevels = Math.max(mostLevels, all.levels(Side.BUY) + all.levels(Side.SELL));
            }
        }
        String description = String.format("%s: opening book %d levels (%d orders); flow of %d commands: %d%% limit "
                        + "orders (%d%% of them priced to cross), %d%% cancels, %d%% takes at one of the best 5 "
                        + "levels, %d%% IOC orders, %d%% replaces; %d%% of the commands trade; the book holds %d to "
                        + "%d price levels during the flow and %d orders at its end; %d orders stopped by self-trade "
                        + "prevention",
                shape.description, 2 * LEVELS_PER_SIDE, opening.size(), commands,
                100 * kinds[CommandStream.PLACE] / commands,
                100 * crossing / Math.max(1, kinds[CommandStream.PLACE]), 100 * kinds[CommandStream.CANCEL] / commands,
                100 * kinds[CommandStream.TAKE] / commands, 100 * kinds[CommandStream.IOC] / commands,
                100 * kinds[CommandStream.REPLACE] / commands, 100 * live.tradingCommands / commands, fewestLevels,
                mostLevels, live.size(), live.selfTradesPrevented);
        return new MarketMix(opening, flow, description);
    }

    /**
     * The shapes of flow: ours, ours with its takes as IOC orders, and exchange-core's published benchmark mix. The
     * two compared with exchange-core give every order its own owner (exchange-core has no self-trade prevention).
     */
    enum Flow {
        /** 60% limit orders, 30% cancels, 10% takes at one of the best five levels; 2,000 parties. */
        MARKET("our mix"),
        /** Ours with each take an IOC order priced at the level it took from (sweeping the better levels too). */
        MARKET_WITH_IOC("our mix, takes as IOC orders"),
        /**
         * exchange-core's benchmark mix (its README): 9% GTC orders (resting ones), 3% IOC orders (at the band's
         * limit), 6% cancels, 82% moves of a resting order by 1-3 ticks either way. As exchange-core's generator
         * does, it keeps the book near its size: below the opening's orders, IOC orders and cancels become GTC ones.
         */
        EXCHANGE_CORE("exchange-core's mix");

        final String description;

        Flow(String description) {
            this.description = description;
        }

        byte kind(int dice, int liveOrders) {
            return switch (this) {
                case MARKET, MARKET_WITH_IOC -> dice < 30 && liveOrders > 0 ? CommandStream.CANCEL
                        : dice >= 90 ? (this == MARKET ? CommandStream.TAKE : CommandStream.IOC) : CommandStream.PLACE;
                case EXCHANGE_CORE -> dice < 9 || liveOrders == 0 || dice < 18 && liveOrders < OPENING_ORDERS
                        ? CommandStream.PLACE
                        : dice < 12 ? CommandStream.IOC : dice < 18 ? CommandStream.CANCEL : CommandStream.REPLACE;
            };
        }

        /** Whether a limit order is priced to cross: a quarter of ours, none of exchange-core's GTC orders. */
        boolean crosses(SplittableRandom random) {
            return this != EXCHANGE_CORE && random.nextInt(4) == 0;
        }

        /** An IOC order's limit: the price of one of the best five opposite levels, or the band's limit. */
        long immediatePrice(Depth top, Side side, SplittableRandom random) {
            if (this == EXCHANGE_CORE || top.levels(side.opposite()) == 0) {
                return side == Side.BUY ? BAND.highest() : BAND.lowest();
            }
            int level = Math.min(random.nextInt(5), top.levels(side.opposite()) - 1);
            return top.price(side.opposite(), level);
        }
    }

    /** An owner of its own for an order, apart from the opening's parties: no order can meet its own owner's. */
    private static int ownOwner(long id) {
        return PARTIES + Math.toIntExact(id);
    }

    /** A resting order's new price: 1-3 ticks up or down, within the band. */
    private static long moved(long price, SplittableRandom random) {
        int step = (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
        long moved = price + step;
        return moved < BAND.lowest() || moved > BAND.highest() ? price - step : moved;
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
}
