package cn.carbonmarket.registry.transaction;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Group commit: requests that arrive while earlier ones are being booked wait in a queue and are then booked
 * together, up to a batch size, in one database transaction. Under load that turns many short transactions fighting
 * over the same holding rows (and each paying a commit) into a few larger ones; a lone request is booked at once.
 *
 * @param <R> a request
 * @param <O> its outcome
 */
final class GroupCommit<R, O> {

    /** A request and where its outcome goes; completed only after its batch committed (or failed). */
    record Pending<R, O>(R request, CompletableFuture<O> outcome) {
    }

    private final Queue<Pending<R, O>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger batchesInFlight = new AtomicInteger();
    private final int maxBatches;
    private final int maxBatchSize;
    private final Function<List<Pending<R, O>>, Uni<Void>> bookBatch;

    /**
     * @param bookBatch books a batch and completes every pending outcome in it; the Uni ends when it has
     */
    GroupCommit(int maxBatches, int maxBatchSize, Function<List<Pending<R, O>>, Uni<Void>> bookBatch) {
        this.maxBatches = maxBatches;
        this.maxBatchSize = maxBatchSize;
        this.bookBatch = bookBatch;
    }

    Uni<O> submit(R request) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<O> outcome = new CompletableFuture<>();
            enqueue(new Pending<>(request, outcome));
            return Uni.createFrom().completionStage(outcome);
        });
    }

    /** Puts a request (back) in the queue: it is booked with the next batch. */
    void enqueue(Pending<R, O> pending) {
        queue.add(pending);
        drain();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            int running = batchesInFlight.get();
            if (running >= maxBatches) {
                return; // a running batch drains again when it ends
            }
            if (!batchesInFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending<R, O>> batch = new ArrayList<>();
            for (Pending<R, O> next; batch.size() < maxBatchSize && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                batchesInFlight.decrementAndGet();
                continue;
            }
            Uni.createFrom().deferred(() -> bookBatch.apply(batch))
                    .onFailure().invoke(failure -> batch.forEach(p -> p.outcome().completeExceptionally(failure)))
                    .onTermination().invoke(() -> {
                        batchesInFlight.decrementAndGet();
                        drain();
                    })
                    .subscribe().with(done -> { }, failure -> { });
        }
    }
}
