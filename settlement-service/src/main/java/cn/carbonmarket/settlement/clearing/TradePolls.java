package cn.carbonmarket.settlement.clearing;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Group commit of polled trades: the polls that arrive while one transaction runs go together in the next. The
 * consumer keeps polling while a transaction runs, a few trades each time; cleared one poll per transaction, each
 * would pay a commit of its own and trades would wait behind small transactions rather than share one. A poll is
 * acknowledged (its offsets committed) only once the transaction that cleared it has committed; a failed transaction
 * nacks its polls to the channel's failure strategy.
 */
final class TradePolls implements Flow.Subscriber<Message<List<String>>> {

    /** Polls asked of the consumer ahead of the clearing: up to this many wait while a transaction runs. */
    static final int POLLS_AHEAD = 8;
    /** Trades per transaction at most (whole polls: a single larger poll goes alone), so that one stays short. */
    static final int MAX_TRADES = 4_000;

    private static final Logger LOG = Logger.getLogger(TradePolls.class);

    private final Function<List<String>, Uni<Void>> clear;
    private final List<Message<List<String>>> waiting = new ArrayList<>();
    private Flow.Subscription subscription;
    private boolean busy;

    /** @param clear clears the trades it is given in one transaction */
    TradePolls(Function<List<String>, Uni<Void>> clear) {
        this.clear = clear;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(POLLS_AHEAD);
    }

    @Override
    public synchronized void onNext(Message<List<String>> poll) {
        waiting.add(poll);
        if (!busy) {
            next();
        }
    }

    /** Holding the lock: starts the transaction of the polls that wait, if any do. */
    private void next() {
        busy = !waiting.isEmpty();
        if (!busy) {
            return;
        }
        List<Message<List<String>>> taken = new ArrayList<>();
        List<String> trades = new ArrayList<>();
        while (!waiting.isEmpty()
                && (taken.isEmpty() || trades.size() + waiting.get(0).getPayload().size() <= MAX_TRADES)) {
            Message<List<String>> poll = waiting.remove(0);
            taken.add(poll);
            trades.addAll(poll.getPayload());
        }
        // Deferred: an exception thrown while building the transaction fails it like any other failure, rather than
        // leaving this subscriber busy for ever.
        Uni.createFrom().deferred(() -> clear.apply(trades))
                .subscribe().with(done -> finished(taken, null), failure -> finished(taken, failure));
    }

    private synchronized void finished(List<Message<List<String>>> polls, Throwable failure) {
        if (failure == null) {
            polls.forEach(Message::ack);
        } else {
            LOG.errorf(failure, "%d polls of trades could not be cleared; they go to the failure strategy",
                    polls.size());
            polls.forEach(poll -> poll.nack(failure));
        }
        subscription.request(polls.size());
        next();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.error("the trades channel failed; no trade is cleared until the service restarts", failure);
    }

    @Override
    public void onComplete() {
        LOG.info("the trades channel completed");
    }
}
