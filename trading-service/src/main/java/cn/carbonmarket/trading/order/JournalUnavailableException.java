package cn.carbonmarket.trading.order;

import cn.carbonmarket.platform.problem.MarketException;

/**
 * HTTP 503: the journal did not acknowledge a command, so the instrument takes no more commands until the service
 * restarts and rebuilds it from what the journal does hold.
 */
public class JournalUnavailableException extends MarketException {

    public JournalUnavailableException(String message) {
        super("JOURNAL_UNAVAILABLE", message);
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
