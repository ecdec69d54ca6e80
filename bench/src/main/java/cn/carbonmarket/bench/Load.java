package cn.carbonmarket.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * Sent before a paced phase at its rate, not measured: the first seconds after a closed loop were the slowest of a
     * paced phase even against a stub server (the generator's paced path still compiling, connections changing hands).
     */
    private static final Duration PACED_LEAD_IN = Duration.ofSeconds(5);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;

    /**
     * The connections a paced phase may hold open: about its rate times its p99 answer time (1,717/s x 100 ms needed
     * 172, and 64 made requests queue for a connection, which read as the service's tail). A closed loop of fewer
     * clients never holds more than its clients.
     */
    private static final int PACED_CONNECTIONS = Integer.getInteger("bench.paced-connections", 256);

    public Load(String baseUrl, int connections) {
        URI uri = URI.create(baseUrl);
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(Math.max(connections, PACED_CONNECTIONS)));
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
     * What a paced load achieved besides its {@link Outcome}: the rate it aimed at, the rate its requests actually
     * left at (sent over the time from the first due send to the last send) and the generator's own lag, how late
     * each request left against its due time (microseconds). The latencies count from the due time, so a late send
     * shows in them; when the generator could not keep its schedule they measure the generator, and the figure is
     * void.
     */
    public record Paced(Outcome outcome, long target, double achieved, Histogram lag) {

        /**
         * The most the generator may fall behind at its p99: a tenth of the tightest latency target a paced figure is
         * held to (trading's 20 ms p99), so that the generator adds at most a tenth to a p99 it is judged by.
         */
        public static final long LAG_P99_BOUND_MICROS = 2_000;
        /** The least share of its target rate a paced phase must send at. */
        public static final double RATE_HELD = 0.95;

        /** Whether the phase kept its schedule; if not, its latencies are not the service's. */
        public boolean holds() {
            return achieved >= RATE_HELD * target && lag.getValueAtPercentile(99) <= LAG_P99_BOUND_MICROS;
        }

        /** A latency percentile in milliseconds, or VOID when the phase did not hold its rate. */
        public String millisOrVoid(double percentile) {
            return holds() ? millis(outcome.latency().getValueAtPercentile(percentile)) : "VOID";
        }

        @Override
        public String toString() {
            return "%s; aimed at %d/s, sent %.0f/s, generator lag p50 %s / p99 %s / max %s ms%s".formatted(outcome,
                    target, achieved, millis(lag.getValueAtPercentile(50)), millis(lag.getValueAtPercentile(99)),
                    millis(lag.getMaxValue()), holds() ? "" : " (VOID: the generator did not hold its schedule)");
        }
    }

    /**
     * Requests at {@code rate} per second on a fixed schedule, request {@code i} from {@code requests.apply(i)}, after
     * {@link #PACED_LEAD_IN} at the same rate that is not measured. Each latency runs from the request's scheduled
     * time, not from when it could be sent: when the service stalls, every request it held back counts the stall (no
     * coordinated omission). This thread keeps the schedule (parked to the next due time, which is precise to about
     * 0.1 ms where the event loop's timers are precise to 1 ms) and hands the event loop whatever has fallen due in
     * one task; the loop sends it, noting how late each request left. Prints the latencies second by second.
     */
    public Paced paced(IntFunction<Request> requests, long rate, Duration duration) throws InterruptedException {
        run(requests, rate, PACED_LEAD_IN, 0);
        return run(requests, rate, duration, rate * PACED_LEAD_IN.toSeconds());
    }

    /** Paced requests for {@code duration}, the first numbered {@code first}. */
    private Paced run(IntFunction<Request> requests, long rate, Duration duration, long first)
            throws InterruptedException {
        Tally tally = new Tally();
        // Written on the event loop only; read here after the latch, which the loop counts down after every send.
        Histogram lag = new Histogram(3);
        Histogram connectionWait = new Histogram(3);
        long[] slowest = new long[Math.toIntExact(duration.toSeconds())];
        long count = rate * duration.toSeconds();
        CountDownLatch finished = new CountDownLatch(Math.toIntExact(count));
        long[] lastSent = {0};
        long start = System.nanoTime();
        for (long ticket = 0; ticket < count; ) {
            long from = ticket;
            long now = System.nanoTime();
            while (ticket < count && start + ticket * 1_000_000_000L / rate <= now) {
                ticket++;
            }
            if (ticket == from) {
                LockSupport.parkNanos(start + ticket * 1_000_000_000L / rate - now);
                continue;
            }
            long to = ticket;
            vertx.runOnContext(go -> {
                for (long t = from; t < to; t++) {
                    long scheduled = start + t * 1_000_000_000L / rate;
                    long sent = System.nanoTime();
                    lag.recordValue((sent - scheduled) / 1000);
                    lastSent[0] = sent;
                    int second = (int) (t / rate);
                    send(requests.apply((int) (first + t)),
                            connected -> connectionWait.recordValue((System.nanoTime() - sent) / 1000), failure -> {
                                long took = tally.record(scheduled, failure);
                                slowest[second] = Math.max(slowest[second], took);
                                finished.countDown();
                            });
                }
            });
        }
        if (!finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still unanswered a minute after the paced load's end");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The last request is due one interval before the schedule's end: sent on time, the rate is the target.
        double achieved = count * 1e9 / (lastSent[0] - start + 1e9 / rate);
        Outcome outcome = tally.outcome(took.compareTo(duration) > 0 ? took : duration);
        if (first > 0) {
            System.out.printf("paced at %d/s: connection wait p50 %s / p99 %s / max %s ms; slowest answer of each"
                    + " second (ms): %s%n", rate, millis(connectionWait.getValueAtPercentile(50)),
                    millis(connectionWait.getValueAtPercentile(99)), millis(connectionWait.getMaxValue()),
                    Arrays.stream(slowest).mapToObj(micros -> String.valueOf(micros / 1000))
                            .collect(Collectors.joining(" ")));
        }
        return new Paced(outcome, rate, achieved, lag);
    }

    /** Sends one request; {@code done} gets null for the expected status, else what went wrong. */
    private void send(Request request, Consumer<String> done) {
        send(request, connected -> { }, done);
    }

    /** As {@link #send(Request, Consumer)}, telling {@code connected} once the request has its connection. */
    private void send(Request request, Consumer<HttpClientRequest> connected, Consumer<String> done) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.path())
                .putHeader("Authorization", "Bearer " + request.token()).setTimeout(10_000);
        if (request.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        request.headers().forEach(options::putHeader);
        http.request(options)
                .compose(call -> {
                    connected.accept(call);
                    return request.body() == null ? call.send() : call.send(Buffer.buffer(request.body()));
                })
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

        /** Records one answer and returns its latency in microseconds. */
        long record(long since, String failure) {
            long micros = (System.nanoTime() - since) / 1000;
            recorder.recordValue(micros);
            if (failure == null) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, failure);
            }
            return micros;
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
