package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.DayOpening;
import cn.carbonmarket.trading.engine.FillListener;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.trading.journal.JournalReader;
import cn.carbonmarket.trading.journal.JournalRecord;
import cn.carbonmarket.trading.journal.JournalSnapshot;
import cn.carbonmarket.trading.journal.SnapshotStore;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.rules.JurisdictionRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The exchange's start: every engine is rebuilt from its latest snapshot and the journal after it, with the day's
 * order ids and client order ids, and pre-trade risk recovers beside them, before the desks open and any request
 * is served. Fills replayed from the journal were announced before the restart; only new ones go to the listeners.
 */
@ApplicationScoped
public class ExchangeRecovery {

    private static final Logger LOG = Logger.getLogger(ExchangeRecovery.class);
    private static final Duration STARTUP = Duration.ofMinutes(2);

    /** Engines rebuilt from the snapshots and the journal, and how many journal records that took. */
    public record Rebuild(Map<InstrumentCode, InstrumentEngine> engines, long records) {
    }

    private final JournalReader reader;
    private final SnapshotStore snapshots;
    private final Pool pool;
    private final ExchangeDesks desks;
    private final DayOrders dayOrders;
    private final DayRollover rollover;
    private final PreTradeRisk risk;
    private final Clock clock;
    private final ObjectMapper json;
    private final TradingRulePack pack;
    private final FillListener fills;
    private volatile boolean live;

    public ExchangeRecovery(JournalReader reader, SnapshotStore snapshots, Pool pool, ExchangeDesks desks,
                            DayOrders dayOrders, DayRollover rollover, PreTradeRisk risk, Clock clock,
                            ObjectMapper json, TradingRulePack pack, @All List<FillListener> listeners) {
        this.reader = reader;
        this.snapshots = snapshots;
        this.pool = pool;
        this.desks = desks;
        this.dayOrders = dayOrders;
        this.rollover = rollover;
        this.risk = risk;
        this.clock = clock;
        this.json = json;
        this.pack = pack;
        this.fills = fill -> {
            if (live) {
                listeners.forEach(listener -> listener.filled(fill));
            }
        };
    }

    void start(@Observes StartupEvent event) {
        Map<InstrumentCode, JournalSnapshot> latest = latestSnapshots();
        Map<InstrumentCode, InstrumentEngine> engines = freshEngines(latest, fills);
        long replayed = replay(engines, latest, true);
        risk.recover(engines);
        desks.open(engines);
        live = true;
        LOG.infof("rebuilt %d order books from %d snapshots and %d journal records on %s", engines.size(),
                latest.size(), replayed, reader.topic());
        // The journal's last trading day may have closed while the service was down. The desks run it before any
        // command submitted after it, so nothing needs to wait for it here.
        rollover.rollOver().whenComplete((closed, failure) -> {
            if (failure != null) {
                LOG.error("the end of day due at the start failed", failure);
            }
        });
    }

    /** Fresh engines rebuilt from the snapshots and the journal as they stand now: what a restart would serve. */
    public Rebuild rebuildFromJournal() {
        Map<InstrumentCode, JournalSnapshot> latest = latestSnapshots();
        Map<InstrumentCode, InstrumentEngine> engines = freshEngines(latest, fill -> { });
        return new Rebuild(engines, replay(engines, latest, false));
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
        for (ListedInstrument listed : ListedInstrument.load(json)) {
            Jurisdiction jurisdiction = listed.code().product().jurisdiction();
            JurisdictionRules rules = pack.rules(jurisdiction).orElseThrow(() -> new IllegalStateException(
                    listed.code() + " is listed but " + jurisdiction + " has no trading rule pack"));
            DayOpening opening = Optional.ofNullable(latest.get(listed.code())).map(JournalSnapshot::opening)
                    .orElse(DayOpening.listed(listed.previousClose()));
            engines.put(listed.code(), new InstrumentEngine(listed.code(), rules.listing(), rules.calendar(), opening,
                    listener));
        }
        return engines;
    }

    /**
     * Applies to {@code engines} the journal after their snapshots; with {@code restore} also restores the day's
     * order ids and client order ids. Returns how many records it applied.
     */
    private long replay(Map<InstrumentCode, InstrumentEngine> engines, Map<InstrumentCode, JournalSnapshot> latest,
                        boolean restore) {
        Map<Integer, Long> from = new HashMap<>();
        // An instrument without a snapshot may share any partition: then every partition is read from its start.
        if (latest.keySet().containsAll(engines.keySet())) {
            latest.values().forEach(snapshot -> from.merge(snapshot.position().partition(),
                    snapshot.position().offset() + 1, Math::min));
        }
        if (restore) {
            latest.values().forEach(snapshot -> dayOrders.handedOut(snapshot.lastOrderId()));
        }
        AtomicLong applied = new AtomicLong();
        reader.read(from, (position, record) -> {
            InstrumentEngine engine = engines.get(record.instrumentCode());
            if (engine == null) {
                throw new IllegalStateException("the journal holds " + record.instrument()
                        + ", which is no longer listed");
            }
            JournalSnapshot snapshot = latest.get(record.instrumentCode());
            if (snapshot != null && snapshot.covers(position)) {
                return;
            }
            applied.incrementAndGet();
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
        });
        engines.values().forEach(engine -> engine.assumeDayAt(clock.instant()));
        return applied.get();
    }
}
