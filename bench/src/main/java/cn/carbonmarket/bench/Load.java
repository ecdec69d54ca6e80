package cn.carbonmarket.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives HTTP requests at a service from one event loop (Vert.x, keep-alive connections), in the two ways the bench
 * needs: as many as a fixed number of clients manage (each sends its next request when its last is answered), or a
 * fixed rate. Asynchronous, so that the load generator, which shares the machine's cores with the service, spends
 * as little of them as it can.
 */
public final class Load implements AutoCloseable {

    /**
     * One request: its method, path, bearer token, body (or null), the status that counts as success and any further
     * headers.
     */
    public record Request(HttpMethod method, String path, String token, String body, int expected,
                          Map<String, String> headers) {

        public Request(HttpMethod method, String path, String token, String body, int expected) {
            this(method, path, token, body, expected, Map.of());
        }
    }

    /** What a load achieved: successes, failures (with the first failure's answer), latency in microseconds. */
    public record Outcome(long ok, long failed, String firstFailure, Histogram latency, Duration duration) {

        public long perSecond() {
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

    private static final Duration WARMUP_SLICE = Duration.ofSeconds(10);
    private static final double WARMUP_RISE = 0.05;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;

    public Load(String baseUrl, int connections) {
        URI uri = URI.create(baseUrl);
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    }

    /** Microseconds as milliseconds with two decimals. */
    public static String millis(long micros) {
        return String.format("%d.%02d", micros / 1000, micros % 1000 / 10);
    }

    /** {@code clients} clients, each sending its next request (from {@code requests}) as soon as the last is answered. */
    public Outcome closedLoop(IntFunction<Request> requests, int clients, Duration duration) throws InterruptedException {
        Tally tally = new Tally();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int client = 0; client < clients; client++) {
            int me = client;
            vertx.runOnContext(start -> loop(requests, me, end, tally, finished));
        }
        if (!finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load did not finish within a minute of its end");
        }
        return tally.outcome(duration);
    }

    /**
     * The closed loop for at least {@code minimum}, then on in slices of {@link #WARMUP_SLICE} until the rate has not
     * risen by more than {@link #WARMUP_RISE} over two slices (the service's JIT compiler is then done with the path,
     * which on slow cores takes well over a minute), or until {@code maximum}. Prints each slice's rate.
     */
    public void warmUp(IntFunction<Request> requests, int clients, Duration minimum, Duration maximum)
            throws InterruptedException {
        long started = System.nanoTime();
        closedLoop(requests, clients, minimum);
        List<Long> rates = new ArrayList<>();
        while (Duration.ofNanos(System.nanoTime() - started).plus(WARMUP_SLICE).compareTo(maximum) <= 0) {
            rates.add(closedLoop(requests, clients, WARMUP_SLICE).perSecond());
            int last = rates.size() - 1;
            if (last >= 2 && rates.get(last) <= rates.get(last - 2) * (1 + WARMUP_RISE)) {
                break;
            }
        }
        System.out.printf("warm-up: %d s%s%n", minimum.toSeconds(), rates.isEmpty() ? ""
                : ", then %d s slices at %s/s".formatted(WARMUP_SLICE.toSeconds(),
                        rates.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }

    private void loop(IntFunction<Request> requests, int client, long end, Tally tally, CountDownLatch finished) {
        long sent = System.nanoTime();
        send(requests.apply(client), failure -> {
            tally.record(sent, failure);
            if (System.nanoTime() < end) {
                // through the event loop, not directly: a request that fails at once must not recurse
                vertx.runOnContext(next -> loop(requests, client, end, tally, finished));
            } else {
                finished.countDown();
            }
        });
    }

    /**
     * Requests at {@code rate} per second on a fixed schedule, request {@code i} from {@code requests.apply(i)}.
     * Each latency runs from the request's scheduled time, not from when it could be sent: when the service stalls,
     * every request it held back counts the stall (no coordinated omission).
     */
    public Outcome paced(IntFunction<Request> requests, long rate, Duration duration)
            throws InterruptedException {
        Tally tally = new Tally();
        long count = rate * duration.toSeconds();
        CountDownLatch finished = new CountDownLatch(Math.toIntExact(count));
        long start = System.nanoTime();
        for (long ticket = 0; ticket < count; ticket++) {
            long scheduled = start + ticket * 1_000_000_000L / rate;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Request request = requests.apply((int) ticket);
            vertx.runOnContext(go -> send(request, failure -> {
                tally.record(scheduled, failure);
                finished.countDown();
            }));
        }
        if (!finished.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still unanswered a minute after the paced load's end");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return tally.outcome(took.compareTo(duration) > 0 ? took : duration);
    }

    /** Sends one request; {@code done} gets null for the expected status, else what went wrong. */
    private void send(Request request, Consumer<String> done) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.path())
                .putHeader("Authorization", "Bearer " + request.token()).setTimeout(10_000);
        if (request.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        request.headers().forEach(options::putHeader);
        http.request(options)
                .compose(call -> request.body() == null ? call.send() : call.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> response.statusCode() == request.expected() ? null
                        : response.statusCode() + " " + body))
                .onComplete(result -> done.accept(result.succeeded() ? result.result() : result.cause().toString()));
    }

    /** The counts and latencies of one load. */
    private static final class Tally {

        private final Recorder recorder = new Recorder(3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        void record(long since, String failure) {
            recorder.recordValue((System.nanoTime() - since) / 1000);
            if (failure == null) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, failure);
            }
        }

        Outcome outcome(Duration duration) {
            return new Outcome(ok.get(), failed.get(), firstFailure.get(), recorder.getIntervalHistogram(), duration);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
