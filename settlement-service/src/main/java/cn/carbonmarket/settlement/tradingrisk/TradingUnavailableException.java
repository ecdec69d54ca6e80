package cn.carbonmarket.settlement.tradingrisk;

import cn.carbonmarket.platform.problem.MarketException;

/** HTTP 503: trading's risk view did not answer, so nothing that needs its word was done; try again later. */
public class TradingUnavailableException extends MarketException {

    public TradingUnavailableException(String message) {
        super("TRADING_UNAVAILABLE", message);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service Unavailable";
    }
}
