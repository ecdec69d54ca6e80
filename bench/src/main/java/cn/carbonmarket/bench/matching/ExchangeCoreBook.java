package cn.carbonmarket.bench.matching;

import cn.carbonmarket.contracts.trade.Side;
import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.L2MarketData;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;

/**
 * exchange-core's own order book ({@link OrderBookDirectImpl}: no risk engine, no journal) fed our command
 * streams. Each command is written into one reused {@link OrderCommand}, as exchange-core's ring buffer slot is,
 * and its trade events are tallied afterwards, as {@link EventTally} tallies ours. Events are not pooled, as in
 * exchange-core's own pipeline ({@code ExchangeCore.EVENTS_POOLING} is off). An order's uid is its id: no order
 * ever meets its own owner's in the streams compared, so its self-trade prevention and ours never differ.
 */
final class ExchangeCoreBook {

    /** A spot pair, as allowances trade: a bid carries the highest price it may be moved to (the band's top). */
    private static final CoreSymbolSpecification SYMBOL = CoreSymbolSpecification.builder()
            .symbolId(1)
            .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
            .baseCurrency(1)
            .quoteCurrency(2)
            .baseScaleK(1)
            .quoteScaleK(1)
            .build();

    private final IOrderBook book;
    private final OrderCommand command = new OrderCommand();
    long traded;
    long trades;

    /** A book holding the mix's opening orders; the pool may be shared between the books of one trial. */
    ExchangeCoreBook(MarketMix mix, ObjectsPool pool) {
        book = new OrderBookDirectImpl(SYMBOL, pool, OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                LoggingConfiguration.DEFAULT);
        for (int i = 0; i < mix.opening.size(); i++) {
            apply(mix.opening, i);
        }
        traded = 0;
        trades = 0;
    }

    static ObjectsPool pool() {
        return ObjectsPool.createDefaultTestPool();
    }

    /** Runs command {@code i}; returns its result code's number. */
    int apply(CommandStream stream, int i) {
        OrderCommand c = command;
        long id = stream.id(i);
        c.orderId = id;
        c.uid = id;
        c.matcherEvent = null;
        c.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        byte kind = stream.kind(i);
        switch (kind) {
            case CommandStream.PLACE, CommandStream.IOC -> {
                OrderAction action = stream.side(i) == Side.BUY ? OrderAction.BID : OrderAction.ASK;
                c.command = OrderCommandType.PLACE_ORDER;
                c.orderType = kind == CommandStream.PLACE ? OrderType.GTC : OrderType.IOC;
                c.action = action;
                c.price = stream.price(i);
                c.size = stream.quantity(i);
                c.reserveBidPrice = action == OrderAction.BID ? MarketMix.BAND.highest() : 0;
            }
            case CommandStream.CANCEL -> c.command = OrderCommandType.CANCEL_ORDER;
            case CommandStream.REPLACE -> {
                c.command = OrderCommandType.MOVE_ORDER;
                c.price = stream.price(i);
            }
            default -> throw new IllegalArgumentException("exchange-core has no take at a chosen level");
        }
        CommandResultCode result = IOrderBook.processCommand(book, c);
        for (MatcherTradeEvent event = c.matcherEvent; event != null; event = event.nextEvent) {
            if (event.eventType == MatcherEventType.TRADE) {
                traded += event.size;
                trades++;
            }
        }
        return result.getCode();
    }

    /** Runs every command in order; returns a sum of the result codes and traded tonnes. */
    long replay(CommandStream stream) {
        long results = 0;
        for (int i = 0; i < stream.size(); i++) {
            results += apply(stream, i);
        }
        return results + traded;
    }

    /** Every price level, best first, written as {@link cn.carbonmarket.trading.orderbook.Depth#toString()} does. */
    String depth() {
        L2MarketData data = book.getL2MarketDataSnapshot(Integer.MAX_VALUE);
        StringBuilder text = new StringBuilder("bids");
        for (int i = 0; i < data.bidSize; i++) {
            text.append(' ').append(data.bidVolumes[i]).append('@').append(data.bidPrices[i]).append('/')
                    .append(data.bidOrders[i]);
        }
        text.append(" | asks");
        for (int i = 0; i < data.askSize; i++) {
            text.append(' ').append(data.askVolumes[i]).append('@').append(data.askPrices[i]).append('/')
                    .append(data.askOrders[i]);
        }
        return text.toString();
    }
}
