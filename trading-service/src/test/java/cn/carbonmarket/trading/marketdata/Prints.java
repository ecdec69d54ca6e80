package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/** Trade prints for the market data tests. */
final class Prints {

    static final InstrumentCode CEA_2025 = InstrumentCode.parse("CEA-2025");
    private static int sequence;

    private Prints() {
    }

    static TradePrinted trade(long price, long quantity, String at) {
        return print(price, quantity, TradeMode.CONTINUOUS, at);
    }

    static TradePrinted block(long price, long quantity, String at) {
        return print(price, quantity, TradeMode.BLOCK, at);
    }

    private static TradePrinted print(long price, long quantity, TradeMode mode, String at) {
        return new TradePrinted("CEA-2025-" + ++sequence, CEA_2025, quantity, price, mode, Instant.parse(at));
    }
}
