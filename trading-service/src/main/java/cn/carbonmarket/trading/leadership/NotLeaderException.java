package cn.carbonmarket.trading.leadership;

import cn.carbonmarket.platform.problem.UnavailableException;

/**
 * HTTP 503 {@code NOT_LEADER}: this instance does not run the exchange now (a standby, one taking over, or one
 * whose lease has lapsed). The client tries again after {@code Retry-After}, through the Service, which routes to
 * the active instance.
 */
public class NotLeaderException extends UnavailableException {

    public NotLeaderException(String message) {
        super("NOT_LEADER", message);
    }
}
