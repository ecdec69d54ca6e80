package cn.carbonmarket.trading.trade;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records each instrument's trades in execution order, each only once its command is journaled, in as few
 * transactions as the database's pace allows: while one transaction is in flight, the trades of the commands that
 * follow gather and go together in the next (group commit). One transaction per command would queue commands
 * behind each other's commits as soon as orders arrive faster than the database commits.
 */
@ApplicationScoped
public class TradeRecording {

    /** Commands per transaction at most, so that one transaction stays short. */
    static final int MAX_BATCH = 256;
    /** Commands waiting beyond which the recording is behind: order entry then waits for it. */
    static final int MAX_WAITING = 1_000;

    private final TradeLog log;
    private final Map<InstrumentCode, Queue> queues = new ConcurrentHashMap<>();

    public TradeRecording(TradeLog log) {
        this.log = log;
    }

    /**
     * Records {@code made} after {@code journaled} completes and after every earlier call's trades of the same
     * instrument. Once a recording of an instrument fails, every later one of it fails too: nothing is recorded out
     * of order (the restart records what is missing, from the journal).
     */
    public CompletableFuture<Void> record(InstrumentCode instrument, CompletableFuture<?> journaled,
                                          List<RecordedTrade> made) {
        return queues.computeIfAbsent(instrument, code -> new Queue()).add(new Pending(journaled, made));
    }

    /** Whether so many commands of {@code instrument} wait to be recorded that their producers should wait too. */
    public boolean behind(InstrumentCode instrument) {
        Queue queue = queues.get(instrument);
        return queue != null && queue.waiting() >= MAX_WAITING;
    }

    /** Completes once every trade of {@code instrument} handed over so far is recorded. */
    public CompletableFuture<Void> recorded(InstrumentCode instrument) {
        return record(instrument, CompletableFuture.completedFuture(null), List.of());
    }

    private record Pending(CompletableFuture<?> journaled, List<RecordedTrade> made, CompletableFuture<Void> done) {

        Pending(CompletableFuture<?> journaled, List<RecordedTrade> made) {
            this(journaled, made, new CompletableFuture<>());
        }
    }

    /** One instrument's trades waiting to be recorded, and whether a transaction of them is in flight. */
    private final class Queue {

        private final List<Pending> waiting = new ArrayList<>();
        private boolean busy;
        private Throwable failed;

        synchronized int waiting() {
            return waiting.size();
        }

        synchronized CompletableFuture<Void> add(Pending pending) {
            if (failed != null) {
                pending.done().completeExceptionally(failed);
            } else {
                waiting.add(pending);
                if (!busy) {
                    next();
                }
            }
            return pending.done();
        }

        /** Holding the lock: starts the transaction of what waits, if anything does. */
        private void next() {
            busy = !waiting.isEmpty();
            if (!busy) {
                return;
            }
            List<Pending> batch = new ArrayList<>(waiting.subList(0, Math.min(MAX_BATCH, waiting.size())));
            waiting.subList(0, batch.size()).clear();
            List<RecordedTrade> trades = new ArrayList<>();
            batch.forEach(pending -> trades.addAll(pending.made()));
            CompletableFuture.allOf(batch.stream().map(Pending::journaled).toArray(CompletableFuture[]::new))
                    .thenCompose(journaled -> trades.isEmpty() ? CompletableFuture.completedFuture(null)
                            : log.record(trades).subscribeAsCompletionStage())
                    .whenComplete((recorded, failure) -> finished(batch, failure));
        }

        private synchronized void finished(List<Pending> batch, Throwable failure) {
            if (failure != null) {
                failed = failure;
                batch.forEach(pending -> pending.done().completeExceptionally(failure));
                waiting.forEach(pending -> pending.done().completeExceptionally(failure));
                waiting.clear();
                busy = false;
                return;
            }
            batch.forEach(pending -> pending.done().complete(null));
            next();
        }
    }
}
