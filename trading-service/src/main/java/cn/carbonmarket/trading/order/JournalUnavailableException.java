package cn.carbonmarket.trading.order;

import cn.carbonmarket.platform.problem.UnavailableException;

/**
 * HTTP 503: the journal did not acknowledge a command, so the instrument takes no more commands until the service
 * restarts and rebuilds it from what the journal does hold.
 */
public class JournalUnavailableException extends UnavailableException {

    public JournalUnavailableException(String message) {
        super("JOURNAL_UNAVAILABLE", message);
    }
}
