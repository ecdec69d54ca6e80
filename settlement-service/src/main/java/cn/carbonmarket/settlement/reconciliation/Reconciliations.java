package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.clearing.ClearedTradeStore;
import cn.carbonmarket.settlement.ledger.AccountKind;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.TradingDay;
import cn.carbonmarket.settlement.tradingrisk.TradingRisk;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reconciles settlement's books with the registry's IN_TRADING holdings (the mirror fed by its events) and with
 * trading's risk view (asked over HTTP), per party and asset, and keeps every run. Units: settlement's units less
 * the net of trades whose date has no clearing run yet (the registry books those only at delivery) against the
 * registry; settlement's units as they are against trading. Cash: the posted CASH_AVAILABLE balance (before pending
 * withdrawals, which trading shows as held) against trading's balance. If trading does not answer, the run says so
 * for that side and still compares the registry's.
 */
@ApplicationScoped
public class Reconciliations {

    public static final String REGISTRY = "REGISTRY";
    public static final String TRADING = "TRADING";
    static final String COMPARED = "COMPARED";
    static final String UNAVAILABLE = "UNAVAILABLE";
    private static final Logger LOG = Logger.getLogger(Reconciliations.class);

    private final Pool pool;
    private final ReconciliationStore store;
    private final LedgerStore ledger;
    private final ClearedTradeStore trades;
    private final RegistryInTradingStore registry;
    private final TradingRisk trading;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> lastDifferences = new TreeMap<>();

    public Reconciliations(Pool pool, ReconciliationStore store, LedgerStore ledger, ClearedTradeStore trades,
                           RegistryInTradingStore registry, @RestClient TradingRisk trading, Clock clock,
                           MeterRegistry metrics) {
        this.pool = pool;
        this.store = store;
        this.ledger = ledger;
        this.trades = trades;
        this.registry = registry;
        this.trading = trading;
        this.clock = clock;
        this.metrics = metrics;
        for (String source : List.of(REGISTRY, TRADING)) {
            lastDifferences.put(source, metrics.gauge("settlement.reconciliation.differences",
                    Tags.of("source", source), new AtomicLong()));
        }
    }

    /** Trading's positions, or why there are none: the reconciliation goes on without them. */
    private record TradingBook(Map<Position, Long> positions, String unavailable) {
    }

    /** Settlement's own figures: units and cash as the ledger has them, units as the registry should have them. */
    private record SettlementBook(Map<Position, Long> ledger, Map<Position, Long> deliveredUnits) {
    }

    /** Reconciles now, on behalf of {@code startedBy}: the scheduled job's name or the operator's user name. */
    public Uni<ReconciliationView> run(String startedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tradingBook().flatMap(tradingBook -> pool.withTransaction(conn -> store.readOneSnapshot(conn)
                        .chain(() -> settlementBook(conn))
                        .flatMap(ours -> registry.holdings(conn).flatMap(registryBook -> {
                            List<Difference> differences = new ArrayList<>(
                                    Books.compare(REGISTRY, ours.deliveredUnits(), registryBook));
                            if (tradingBook.unavailable() == null) {
                                differences.addAll(Books.compare(TRADING, ours.ledger(), tradingBook.positions()));
                            }
                            ReconciliationView view = new ReconciliationView(UUID.randomUUID(), TradingDay.of(now),
                                    now, startedBy, COMPARED, tradingBook.unavailable() == null ? COMPARED : UNAVAILABLE,
                                    tradingBook.unavailable(), differences);
                            return store.insert(conn, view).replaceWith(view);
                        }))))
                .invoke(this::measure);
    }

    /** The latest run of a business date. */
    public Uni<ReconciliationView> latest(LocalDate date) {
        return pool.withConnection(conn -> store.latest(conn, date))
                .onItem().ifNull().failWith(() -> new NotFoundException("RECONCILIATION_NOT_FOUND",
                        "no reconciliation ran on " + date));
    }

    private Uni<TradingBook> tradingBook() {
        return trading.positions()
                .map(positions -> {
                    Map<Position, Long> book = new TreeMap<>();
                    for (RiskPosition p : positions) {
                        book.merge(new Position(p.partyId().toString(), p.asset()), p.balance(), Math::addExact);
                    }
                    return new TradingBook(book, null);
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("reconciliation without trading: its risk view did not answer (%s)",
                            failure.getMessage());
                    return new TradingBook(Map.of(), "trading's risk view did not answer: " + failure.getMessage());
                });
    }

    private Uni<SettlementBook> settlementBook(SqlConnection conn) {
        return ledger.postedUnitsAndCash(conn)
                .flatMap(accounts -> trades.undelivered(conn)
                        .map(undelivered -> {
                            Map<Position, Long> ledgerBook = new TreeMap<>();
                            Map<Position, Long> delivered = new TreeMap<>();
                            accounts.forEach((account, posted) -> {
                                boolean units = account.kind() == AccountKind.UNITS;
                                Position position = new Position(account.owner(),
                                        units ? account.asset().code() : Position.CASH);
                                ledgerBook.put(position, posted);
                                if (units) {
                                    delivered.put(position, posted);
                                }
                            });
                            undelivered.forEach(u -> delivered.merge(new Position(u.party().toString(),
                                    u.instrument()), -u.net(), Math::addExact));
                            return new SettlementBook(ledgerBook, delivered);
                        }));
    }

    private void measure(ReconciliationView view) {
        lastDifferences.forEach((source, gauge) -> gauge.set(view.differences().stream()
                .filter(d -> d.source().equals(source)).count()));
        metrics.counter("settlement.reconciliation.runs", "trading", view.tradingStatus()).increment();
        if (!view.differences().isEmpty()) {
            LOG.warnf("reconciliation %s: %d differences", view.runId(), view.differences().size());
        }
    }
}
