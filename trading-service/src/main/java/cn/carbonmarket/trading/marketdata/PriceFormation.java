package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.trade.TradeMode;

/**
 * Which trades form prices. Only listing-agreement (continuous) trades set the open, high, low, last and close;
 * block agreement trades count in volume and turnover but move no price (Announcement of 2021-06-22; issue 2:
 * "does not move the continuous book's last price but counts in volume statistics"). Auction results are a
 * one-way sale at a uniform price outside the continuous book, so they are treated like block trades.
 */
final class PriceFormation {

    private PriceFormation() {
    }

    static boolean setsPrices(TradePrinted trade) {
        return trade.mode() == TradeMode.CONTINUOUS;
    }
}
