package cn.carbonmarket.bench.trading;

import cn.carbonmarket.bench.trading.OrderLoad.Target;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The two ways the bench drives a target: as many requests as a fixed set of clients manage, or a fixed rate. */
final class Load {

    private Load() {
    }

    /** What a load achieved: successes, failures (with the first failure's answer), latency in microseconds. */
    record Outcome(long ok, long failed, String firstFailure, Histogram latency, Duration duration) {

        long perSecond() {
            return ok * 1000 / duration.toMillis();
        }

        @Override
        public String toString() {
            return "%d ok (%d/s), %d failed%s, p50 %s ms, p99 %s ms, max %s ms".formatted(ok, perSecond(), failed,
                    firstFailure == null ? "" : " (first: " + firstFailure + ")",
                    millis(latency.getValueAtPercentile(50)), millis(latency.getValueAtPercentile(99)),
                    millis(latency.getMaxValue()));
        }
    }

    /** Microseconds as milliseconds with two decimals. */
    static String millis(long micros) {
        return String.format("%d.%02d", micros / 1000, micros % 1000 / 10);
    }

    /** {@code clients} threads, each sending its next request as soon as the last is answered. */
    static Outcome closedLoop(Target target, int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return run(target, clients, duration, client -> {
            while (System.nanoTime() < end) {
                client.send(target, System.nanoTime());
            }
        });
    }

    /**
     * Requests at {@code rate} per second on a fixed schedule, handed to {@code workers} threads in turn. Each
     * latency runs from the request's scheduled time, not from when a worker got to it: when the service stalls,
     * every request it held back counts the stall (no coordinated omission).
     */
    static Outcome paced(Target target, long rate, int workers, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long count = rate * duration.toSeconds();
        AtomicLong tickets = new AtomicLong();
        return run(target, workers, duration, client -> {
            for (long ticket = tickets.getAndIncrement(); ticket < count; ticket = tickets.getAndIncrement()) {
                long scheduled = start + ticket * 1_000_000_000L / rate;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                client.send(target, scheduled);
            }
        });
    }

    private interface Loop {
        void run(Client client);
    }

    /** One thread of a load and where it records. */
    private record Client(int index, Recorder recorder, AtomicLong ok, AtomicLong failed,
                          AtomicReference<String> firstFailure) {

        /** Sends the target's next request and records it, its latency counted from {@code since}. */
        void send(Target target, long since) {
            String failure;
            try {
                failure = target.call(index);
            } catch (Exception e) {
                failure = e.toString();
            }
            recorder.recordValue((System.nanoTime() - since) / 1000);
            if (failure == null) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, failure);
            }
        }
    }

    private static Outcome run(Target target, int threads, Duration duration, Loop loop) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            Client client = new Client(i, recorder, ok, failed, firstFailure);
            pool.submit(() -> loop.run(client));
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the load did not finish within a minute of its end");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(ok.get(), failed.get(), firstFailure.get(), recorder.getIntervalHistogram(),
                took.compareTo(duration) > 0 ? took : duration);
    }
}
