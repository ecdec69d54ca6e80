package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.DayOpening;
import cn.carbonmarket.trading.engine.FillListener;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.trading.journal.EpochFence;
import cn.carbonmarket.trading.journal.JournalPosition;
import cn.carbonmarket.trading.journal.JournalReader;
import cn.carbonmarket.trading.journal.JournalRecord;
import cn.carbonmarket.trading.journal.JournalSnapshot;
import cn.carbonmarket.trading.journal.OrderJournal;
import cn.carbonmarket.trading.journal.SnapshotStore;
import cn.carbonmarket.trading.leadership.Leadership;
import cn.carbonmarket.trading.listing.InstrumentListings;
import cn.carbonmarket.trading.listing.ListedInstrument;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.rules.JurisdictionRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The exchange's start and takeover. On start every engine is rebuilt from its latest snapshot and the journal after
 * it, with the day's order ids and client order ids, and put on its desk, so that reads are served at once. The
 * instance is then a standby: it follows the journal as the active instance writes it (the same reading goes on),
 * applying each record on its instrument's desk, until it takes the exchange's lease ({@link Leadership}). Then it
 * marks every partition with its epoch, reads the journal to its end, recovers pre-trade risk and accepts. Fills
 * read from the journal were announced by the instance that made them; only new ones go to the listeners.
 */
@ApplicationScoped
public class ExchangeRecovery {

    private static final Logger LOG = Logger.getLogger(ExchangeRecovery.class);
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration FOLLOW_POLL = Duration.ofMillis(100);

    /** Engines rebuilt from the snapshots and the journal, and how many journal records that took. */
    public record Rebuild(Map<InstrumentCode, InstrumentEngine> engines, long records) {
    }

    private final JournalReader reader;
    private final OrderJournal journal;
    private final SnapshotStore snapshots;
    private final Pool pool;
    private final ExchangeDesks desks;
    private final DayOrders dayOrders;
    private final DayRollover rollover;
    private final PreTradeRisk risk;
    private final Leadership leadership;
    private final Clock clock;
    private final InstrumentListings listings;
    private final TradingRulePack pack;
    private final FillListener fills;
    private final Counter fenced;
    private volatile boolean live;
    private volatile boolean following;
    private Thread follower;

    public ExchangeRecovery(JournalReader reader, OrderJournal journal, SnapshotStore snapshots, Pool pool,
                            ExchangeDesks desks, DayOrders dayOrders, DayRollover rollover, PreTradeRisk risk,
                            Leadership leadership, Clock clock, InstrumentListings listings, TradingRulePack pack,
                            @All List<FillListener> listeners, MeterRegistry metrics) {
        this.reader = reader;
        this.journal = journal;
        this.snapshots = snapshots;
        this.pool = pool;
        this.desks = desks;
        this.dayOrders = dayOrders;
        this.rollover = rollover;
        this.risk = risk;
        this.leadership = leadership;
        this.clock = clock;
        this.listings = listings;
        this.pack = pack;
        this.fills = fill -> {
            if (live) {
                listeners.forEach(listener -> listener.filled(fill));
            }
        };
        this.fenced = Counter.builder("market.trading.journal.fenced")
                .description("journal records refused because a later leader had marked their partition first")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        Map<InstrumentCode, JournalSnapshot> latest = latestSnapshots();
        Map<InstrumentCode, InstrumentEngine> engines = freshEngines(latest, fills);
        latest.values().forEach(snapshot -> dayOrders.handedOut(snapshot.lastOrderId()));
        Replay replay = new Replay(engines, latest, true, fills);
        JournalReader.Tail tail = reader.open(replay.from());
        long replayed = tail.readToEnd(replay::onEngine);
        engines.values().forEach(engine -> engine.assumeDayAt(clock.instant()));
        desks.open(engines);
        LOG.infof("rebuilt %d order books from %d snapshots and %d journal records on %s; following it until this"
                + " instance takes the exchange's lease", engines.size(), latest.size(), replayed, reader.topic());
        follow(tail, replay);
        leadership.start(epoch -> takeOver(epoch, tail, replay, engines));
    }

    /** On a thread of its own: applies what the active instance journals, each record on its instrument's desk. */
    private void follow(JournalReader.Tail tail, Replay replay) {
        following = true;
        follower = new Thread(() -> {
            while (following) {
                try {
                    tail.poll(FOLLOW_POLL, replay::onDesk);
                } catch (RuntimeException e) {
                    if (following) {
                        LOG.warnf("following the journal failed (%s); trying again", e.getMessage());
                        pause();
                    }
                }
            }
        }, "journal-follower");
        follower.setDaemon(true);
        follower.start();
    }

    /**
     * Runs once this instance holds the lease of {@code epoch}: the follower stops, every partition gets the epoch's
     * mark (a deposed leader's later records are refused behind it), the journal is read to its end (which now holds
     * the marks), the desks finish what they were handed, pre-trade risk recovers from the database and the books,
     * and the day rolls over if its close passed meanwhile.
     */
    private void takeOver(long epoch, JournalReader.Tail tail, Replay replay,
                          Map<InstrumentCode, InstrumentEngine> engines) {
        following = false;
        try {
            follower.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the follower stopped", e);
        }
        try (tail) {
            Instant at = clock.instant();
            List<CompletableFuture<?>> marks = tail.partitions().stream()
                    .<CompletableFuture<?>>map(partition -> journal.markEpoch(partition, epoch, at)).toList();
            CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)).join();
            long caughtUp = tail.readToEnd(replay::onDesk);
            desks.all().values().stream()
                    .map(desk -> desk.submit(engine -> {
                        engine.assumeDayAt(clock.instant());
                        return null;
                    }))
                    .toList().forEach(CompletableFuture::join);
            LOG.infof("read %d more journal records after marking epoch %d", caughtUp, epoch);
        }
        // Listed by the instance before, without a command journaled yet: nothing told the follower.
        for (ListedInstrument listed : listings.all()) {
            if (!engines.containsKey(listed.code())) {
                InstrumentEngine engine = firstDay(listed);
                engines.put(listed.code(), engine);
                desks.add(engine);
            }
        }
        risk.recover(engines);
        live = true;
        // The journal's last trading day may have closed while no instance ran it. The desks run it before any
        // command submitted after it, so nothing needs to wait for it here.
        rollover.rollOver().whenComplete((closed, failure) -> {
            if (failure != null) {
                LOG.error("the end of day due at the takeover failed", failure);
            }
        });
    }

    /** Fresh engines rebuilt from the snapshots and the journal as they stand now: what a restart would serve. */
    public Rebuild rebuildFromJournal() {
        Map<InstrumentCode, JournalSnapshot> latest = latestSnapshots();
        Map<InstrumentCode, InstrumentEngine> engines = freshEngines(latest, fill -> { });
        Replay replay = new Replay(engines, latest, false, fill -> { });
        reader.read(replay.from(), replay::onEngine);
        engines.values().forEach(engine -> engine.assumeDayAt(clock.instant()));
        return new Rebuild(engines, replay.applied);
    }

    private Map<InstrumentCode, JournalSnapshot> latestSnapshots() {
        return pool.withConnection(snapshots::latest).await().atMost(STARTUP);
    }

    /**
     * Engines opening each instrument's latest snapshot, or its listed reference price when it has none, each with
     * the listing rules and sessions of its jurisdiction's pack.
     */
    private Map<InstrumentCode, InstrumentEngine> freshEngines(Map<InstrumentCode, JournalSnapshot> latest,
                                                               FillListener listener) {
        Map<InstrumentCode, InstrumentEngine> engines = new LinkedHashMap<>();
        for (ListedInstrument listed : listings.all()) {
            engines.put(listed.code(), engine(listed, latest.get(listed.code()), listener));
        }
        return engines;
    }

    private InstrumentEngine engine(ListedInstrument listed, JournalSnapshot snapshot, FillListener listener) {
        Jurisdiction jurisdiction = listed.code().product().jurisdiction();
        JurisdictionRules rules = pack.rules(jurisdiction).orElseThrow(() -> new IllegalStateException(
                listed.code() + " is listed but " + jurisdiction + " has no trading rule pack"));
        DayOpening opening = Optional.ofNullable(snapshot).map(JournalSnapshot::opening)
                .orElse(DayOpening.listed(listed.previousClose()));
        return new InstrumentEngine(listed.code(), rules.listing(), rules.calendar(), opening, listener);
    }

    /**
     * Opens the desk of an instrument the operator has just listed on this instance, the active one (a standby learns
     * of it from the journal or at its takeover); nothing if it has one.
     */
    public void opened(ListedInstrument listed) {
        if (!desks.all().containsKey(listed.code())) {
            InstrumentEngine engine = firstDay(listed);
            risk.listed(engine); // before the desk takes its first order
            desks.add(engine);
        }
    }

    /** A listed instrument's engine before its first command, on today's trading day around its reference price. */
    private InstrumentEngine firstDay(ListedInstrument listed) {
        InstrumentEngine engine = engine(listed, null, fills);
        engine.assumeDayAt(clock.instant());
        return engine;
    }

    /**
     * One reading of the journal onto engines after their snapshots, fenced by epoch; with {@code restore} it also
     * restores the day's order ids and client order ids. Used by the thread that reads.
     */
    private final class Replay {

        private final Map<InstrumentCode, InstrumentEngine> engines;
        private final Map<InstrumentCode, JournalSnapshot> latest;
        private final boolean restore;
        private final FillListener listener;
        private final EpochFence fence = new EpochFence(fenced);
        private long applied;

        Replay(Map<InstrumentCode, InstrumentEngine> engines, Map<InstrumentCode, JournalSnapshot> latest,
               boolean restore, FillListener listener) {
            this.engines = engines;
            this.latest = latest;
            this.restore = restore;
            this.listener = listener;
        }

        /**
         * Where each partition's reading starts: at the earliest snapshot's own END_OF_DAY record (covered, but its
         * epoch fences what follows); an instrument without a snapshot may share any partition, so then every
         * partition is read from its start.
         */
        Map<Integer, Long> from() {
            Map<Integer, Long> from = new HashMap<>();
            if (latest.keySet().containsAll(engines.keySet())) {
                latest.values().forEach(snapshot -> from.merge(snapshot.position().partition(),
                        snapshot.position().offset(), Math::min));
            }
            return from;
        }

        /** Applies the record to its engine directly (before the desks open). */
        void onEngine(JournalPosition position, JournalRecord record) {
            engineFor(position, record).ifPresent(engine -> apply(engine, record));
        }

        /** Applies the record on its instrument's desk (once the desks serve reads). */
        void onDesk(JournalPosition position, JournalRecord record) {
            engineFor(position, record).ifPresent(engine -> desks.add(engine).submit(e -> {
                apply(e, record);
                return null;
            }));
        }

        /** The engine a record applies to; none for a fenced record, an epoch mark or what a snapshot covers. */
        private Optional<InstrumentEngine> engineFor(JournalPosition position, JournalRecord record) {
            if (!fence.admits(position, record) || !record.carriesCommand()) {
                return Optional.empty();
            }
            JournalSnapshot snapshot = latest.get(record.instrumentCode());
            InstrumentEngine engine = engines.computeIfAbsent(record.instrumentCode(), code -> listedSince(code,
                    snapshot));
            if (snapshot != null && snapshot.covers(position)) {
                return Optional.empty();
            }
            applied++;
            return Optional.of(engine);
        }

        /** The engine of an instrument another instance listed after this one read the listings. */
        private InstrumentEngine listedSince(InstrumentCode code, JournalSnapshot snapshot) {
            ListedInstrument listed = listings.lookUp(code).orElseThrow(() -> new IllegalStateException(
                    "the journal holds " + code + ", which is not listed"));
            LOG.infof("%s was listed by %s at %s; following its journal", code, listed.listedBy(), listed.listedAt());
            return engine(listed, snapshot, listener);
        }

        private void apply(InstrumentEngine engine, JournalRecord record) {
            Command command = record.command();
            if (command instanceof Command.EndOfDay end) {
                DayClose closed = engine.closeDay(end);
                if (restore) {
                    dayOrders.forget(closed);
                }
                return;
            }
            OrderView order = engine.apply(command);
            if (restore && record.type() != JournalRecord.Type.CANCEL && order != null) {
                dayOrders.replayed(order);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
