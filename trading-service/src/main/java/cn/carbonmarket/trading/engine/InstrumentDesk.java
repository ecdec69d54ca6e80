package cn.carbonmarket.trading.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The single writer of one {@link InstrumentEngine}: every command and every read runs as a task on the desk's
 * own thread, one after another, so the engine and its book need no locks and reads see a consistent state.
 */
public final class InstrumentDesk implements AutoCloseable {

    private final InstrumentEngine engine;
    private final ExecutorService writer;

    public InstrumentDesk(InstrumentEngine engine) {
        this.engine = engine;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "desk-" + engine.instrument());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} on the desk's thread after everything submitted before it. */
    public <T> CompletableFuture<T> submit(Function<InstrumentEngine, T> work) {
        return CompletableFuture.supplyAsync(() -> work.apply(engine), writer);
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
