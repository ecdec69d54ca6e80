package cn.carbonmarket.trading.leadership;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Whether this instance runs the exchange. Every instance starts as a STANDBY and tries to take the
 * {@link ExchangeLease}; the one that takes it is TAKING_OVER while its {@link Takeover} reads the journal to its end,
 * then the LEADER, which alone accepts writes. The leader renews the lease several times per duration and stops
 * accepting at once when a renewal fails, and in any case {@code safety-margin} before the lease it last renewed
 * could expire, so that whatever it accepted is journaled before anyone else can take the lease. A leader whose
 * lease another instance took is DEPOSED: it exits, to be started again as a standby (its memory may be ahead of the
 * journal its successor serves). What was written under the lease while it was unsure (a renewal late) stands once
 * the next renewal finds the lease still ours in the same epoch: nobody can have taken it meanwhile.
 */
@ApplicationScoped
public class Leadership {

    public enum State { STANDBY, TAKING_OVER, LEADER, SUSPENDED, DEPOSED }

    /** What the exchange does between taking the lease and accepting: reads the journal to its end, under the epoch. */
    @FunctionalInterface
    public interface Takeover {
        void run(long epoch);
    }

    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final ExchangeLease lease;
    private final LeaseConfig config;
    private final String holder;
    private final ScheduledExecutorService ticks;
    private final ExecutorService takeovers;
    /**
     * Where the writes a renewal confirmed go on (their answers, their trades' recording): not on the lease's own
     * thread, whose next renewal must not wait behind them.
     */
    private final ExecutorService verdicts;
    private final Timer takeoverTime;
    private final IntConsumer exit;
    private volatile State state = State.STANDBY;
    private volatile long epoch;
    /** System.nanoTime() until which the lease is surely still ours: a renewal's send time plus duration less margin. */
    private volatile long validUntil;
    private volatile boolean stopping;
    /** Writes acknowledged while the lease was unsure, waiting for the next renewal's verdict (see {@link #confirmed}). */
    private final Queue<CompletableFuture<Void>> unsure = new ConcurrentLinkedQueue<>();

    @Inject
    public Leadership(ExchangeLease lease, LeaseConfig config, MeterRegistry metrics) {
        this(lease, config, metrics, Quarkus::asyncExit);
    }

    /** {@code exit} ends the process with the given status (a test watches it instead). */
    Leadership(ExchangeLease lease, LeaseConfig config, MeterRegistry metrics, IntConsumer exit) {
        this.exit = exit;
        this.lease = lease;
        this.config = config;
        this.holder = host() + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
        this.ticks = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "exchange-lease"));
        this.takeovers = Executors.newSingleThreadExecutor(task -> daemon(task, "exchange-takeover"));
        this.verdicts = Executors.newSingleThreadExecutor(task -> daemon(task, "exchange-lease-verdicts"));
        this.takeoverTime = Timer.builder("market.trading.takeover")
                .description("from taking the exchange's lease to accepting orders (the journal read to its end)")
                .register(metrics);
        Gauge.builder("market.trading.leader", this, l -> l.accepting() ? 1 : 0)
                .description("1 while this instance runs the exchange and accepts writes").register(metrics);
        Gauge.builder("market.trading.leader.epoch", this, l -> l.epoch)
                .description("the epoch of the exchange's lease this instance took last (0: never)").register(metrics);
    }

    /**
     * Tries to take the lease at once, and if that succeeds runs {@code takeover} before returning (a lone instance
     * starts as it always did: accepting once started; the lease is renewed meanwhile); otherwise keeps trying, and
     * {@code takeover} runs on a thread of its own once the lease is taken.
     */
    public void start(Takeover takeover) {
        Optional<Runnable> first = Optional.empty();
        try {
            first = take(takeover);
        } catch (RuntimeException e) {
            LOG.warnf("the exchange's lease could not be read at the start (%s); trying again", e.getMessage());
        }
        next(takeover);
        first.ifPresent(Runnable::run);
    }

    /** Whether this instance may accept a write now: the leader, within the lease it last renewed. */
    public boolean accepting() {
        return state == State.LEADER && System.nanoTime() - validUntil < 0;
    }

    /** Throws {@code NOT_LEADER} unless {@link #accepting}. */
    public void requireAccepting() {
        if (!accepting()) {
            throw new NotLeaderException("this instance does not run the exchange now (" + state
                    + "); try again shortly");
        }
    }

    /** Whether the lease is held (taking over or leading) and surely not expired: journal writes under it are fenced. */
    public boolean holding() {
        return (state == State.LEADER || state == State.TAKING_OVER) && System.nanoTime() - validUntil < 0;
    }

    /**
     * Completes once a write made under this instance's epoch before this call is known to stand: at once while
     * {@link #holding}, otherwise when the next renewal sent after this call finds the lease still ours in the same
     * epoch (taking it raises the epoch, so nobody took it meanwhile). Fails with {@code NOT_LEADER} if another
     * instance took it instead, and this instance is then deposed.
     */
    public CompletableFuture<Void> confirmed() {
        if (holding()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> verdict = new CompletableFuture<>();
        unsure.add(verdict);
        if (state == State.DEPOSED || state == State.STANDBY) {
            refuseUnsure();
        }
        return verdict;
    }

    public State state() {
        return state;
    }

    /** The epoch this instance writes under; 0 before it ever took the lease. */
    public long epoch() {
        return epoch;
    }

    public int retryAfterSeconds() {
        return config.retryAfterSeconds();
    }

    /** Schedules the next tick: a holder renews every {@code renew-every}, a standby tries to take every {@code take-every}. */
    private void next(Takeover takeover) {
        if (stopping) {
            return;
        }
        Duration delay = state == State.STANDBY ? config.takeEvery() : config.renewEvery();
        ticks.schedule(() -> {
            try {
                tick(takeover);
            } finally {
                next(takeover);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick(Takeover takeover) {
        if (stopping) {
            return;
        }
        try {
            switch (state) {
                case STANDBY -> take(takeover).ifPresent(takeovers::execute);
                case TAKING_OVER, LEADER, SUSPENDED -> renew();
                case DEPOSED -> { }
            }
        } catch (RuntimeException e) {
            if (state == State.LEADER) {
                state = State.SUSPENDED;
                LOG.errorf(e, "the exchange's lease (epoch %d) could not be renewed; writes stop until it is", epoch);
            } else {
                LOG.debugf("the exchange's lease could not be read: %s", e.getMessage());
            }
        }
    }

    /** Takes the lease if it is free: then the takeover to run, in the state TAKING_OVER. */
    private Optional<Runnable> take(Takeover takeover) {
        long sent = System.nanoTime();
        return lease.take(holder, config.duration()).await().atMost(config.duration()).map(taken -> {
            epoch = taken;
            validUntil = sent + config.duration().minus(config.safetyMargin()).toNanos();
            state = State.TAKING_OVER;
            LOG.infof("took the exchange's lease as %s, epoch %d; reading the journal to its end", holder, taken);
            return () -> takeOver(takeover, taken, sent);
        });
    }

    private void takeOver(Takeover takeover, long taken, long since) {
        try {
            takeover.run(taken);
        } catch (RuntimeException e) {
            LOG.errorf(e, "taking over the exchange in epoch %d failed; stopping so that the instance starts afresh",
                    taken);
            depose();
            return;
        }
        if (state == State.TAKING_OVER) {
            state = State.LEADER;
            long took = System.nanoTime() - since;
            takeoverTime.record(took, TimeUnit.NANOSECONDS);
            LOG.infof("the exchange accepts orders in epoch %d, %d ms after taking its lease", taken,
                    TimeUnit.NANOSECONDS.toMillis(took));
        }
    }

    private void renew() {
        List<CompletableFuture<Void>> before = new ArrayList<>();
        for (CompletableFuture<Void> verdict; (verdict = unsure.poll()) != null; ) {
            before.add(verdict);
        }
        long sent = System.nanoTime();
        boolean ours;
        try {
            ours = lease.renew(holder, epoch, config.duration()).await().atMost(config.duration());
        } catch (RuntimeException e) {
            unsure.addAll(before); // no verdict yet: the next renewal gives it
            throw e;
        }
        if (!ours) {
            LOG.errorf("the exchange's lease of epoch %d was taken by another instance", epoch);
            unsure.addAll(before);
            depose();
            return;
        }
        validUntil = sent + config.duration().minus(config.safetyMargin()).toNanos();
        if (!before.isEmpty()) {
            verdicts.execute(() -> before.forEach(verdict -> verdict.complete(null)));
        }
        if (state == State.SUSPENDED) {
            state = State.LEADER;
            LOG.infof("the exchange's lease (epoch %d) is renewed again; writes resume", epoch);
        }
    }

    /** Stops accepting for good and exits: a deposed instance's memory is no longer the journal's. */
    private void depose() {
        state = State.DEPOSED;
        refuseUnsure();
        if (!stopping) {
            exit.accept(3);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        ticks.shutdownNow();
        takeovers.shutdownNow();
        verdicts.shutdown();
        State last = state;
        state = State.DEPOSED;
        refuseUnsure();
        if (last == State.LEADER || last == State.TAKING_OVER || last == State.SUSPENDED) {
            try {
                lease.release(holder, epoch).await().atMost(Duration.ofSeconds(2));
                LOG.infof("released the exchange's lease of epoch %d", epoch);
            } catch (RuntimeException e) {
                LOG.warnf("the exchange's lease of epoch %d was not released (%s); it expires", epoch,
                        e.getMessage());
            }
        }
    }

    private void refuseUnsure() {
        for (CompletableFuture<Void> verdict; (verdict = unsure.poll()) != null; ) {
            verdict.completeExceptionally(new NotLeaderException(
                    "the exchange's lease may have passed to another instance before the journal acknowledged the"
                            + " command; try again shortly (the client order id finds the order if it stands)"));
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
