package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.trade.Side;

/**
 * A participant's order once its fields are parsed: a limit order ({@code level} 0) or a take at a level
 * ({@code price} 0). Compared whole when a client order id comes again.
 *
 * @param price in fen
 */
public record OrderRequest(String clientOrderId, InstrumentCode instrument, Side side, long price, int level,
                           long quantity) {

    public boolean isTake() {
        return level > 0;
    }
}
