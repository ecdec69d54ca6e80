package cn.carbonmarket.trading.leadership;

import cn.carbonmarket.platform.problem.MarketException;

/**
 * HTTP 503 {@code NOT_LEADER}: this instance does not run the exchange now (a standby, one taking over, or one
 * whose lease has lapsed). The client tries again after {@code Retry-After}, through the Service, which routes to
 * the active instance.
 */
public class NotLeaderException extends MarketException {

    public NotLeaderException(String message) {
        super("NOT_LEADER", message);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
