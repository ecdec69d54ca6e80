package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.settlement.ledger.TradingDay;
import cn.carbonmarket.settlement.tradingrisk.TradingRisk;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
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

    /** A difference's row: its run and its place in the report. */
    private record Numbered(UUID runId, int seq, Difference difference) {
    }

    private static final ColumnBatch<Numbered> DIFFERENCES = new ColumnBatch<Numbered>()
            .column(UUID.class, Numbered::runId)
            .column(Integer.class, Numbered::seq)
            .column(String.class, n -> n.difference().source())
            .column(UUID.class, n -> UUID.fromString(n.difference().partyId()))
            .column(String.class, n -> n.difference().asset())
            .column(Long.class, n -> n.difference().settlement())
            .column(Long.class, n -> n.difference().other());

    private final Pool pool;
    private final TradingRisk trading;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> lastDifferences = new TreeMap<>();

    public Reconciliations(Pool pool, @RestClient TradingRisk trading, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
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

    public Uni<ReconciliationView> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tradingBook().flatMap(tradingBook -> pool.withTransaction(conn -> conn
                        // One snapshot for all of settlement's reads, so the books it compares agree with each other.
                        .query("set transaction isolation level repeatable read").execute()
                        .chain(() -> settlementBook(conn))
                        .flatMap(ours -> registryBook(conn).flatMap(registry -> {
                            List<Difference> differences = new ArrayList<>(
                                    Books.compare(REGISTRY, ours.deliveredUnits(), registry));
                            if (tradingBook.unavailable() == null) {
                                differences.addAll(Books.compare(TRADING, ours.ledger(), tradingBook.positions()));
                            }
                            ReconciliationView view = new ReconciliationView(UUID.randomUUID(), TradingDay.of(now),
                                    now, COMPARED, tradingBook.unavailable() == null ? COMPARED : UNAVAILABLE,
                                    tradingBook.unavailable(), differences);
                            return persist(conn, view).replaceWith(view);
                        }))))
                .invoke(this::measure);
    }

    /** The latest run of a business date. */
    public Uni<ReconciliationView> latest(LocalDate date) {
        return pool.withConnection(conn -> conn.preparedQuery("select run_id, business_date, ran_at, registry_status,"
                        + " trading_status, trading_detail from reconciliation_run where business_date = $1"
                        + " order by ran_at desc limit 1")
                .execute(Tuple.of(date))
                .flatMap(runs -> {
                    if (runs.size() == 0) {
                        return Uni.createFrom().failure(new NotFoundException("RECONCILIATION_NOT_FOUND",
                                "no reconciliation ran on " + date));
                    }
                    Row run = runs.iterator().next();
                    return conn.preparedQuery("select source, party_id, asset, settlement, other from"
                                    + " reconciliation_difference where run_id = $1 order by seq")
                            .execute(Tuple.of(run.getUUID("run_id")))
                            .map(rows -> {
                                List<Difference> differences = new ArrayList<>();
                                rows.forEach(r -> differences.add(Difference.of(r.getString("source"),
                                        new Position(r.getUUID("party_id").toString(), r.getString("asset")),
                                        r.getLong("settlement"), r.getLong("other"))));
                                return new ReconciliationView(run.getUUID("run_id"), run.getLocalDate("business_date"),
                                        run.getOffsetDateTime("ran_at").toInstant(), run.getString("registry_status"),
                                        run.getString("trading_status"), run.getString("trading_detail"), differences);
                            });
                }));
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

    private static Uni<SettlementBook> settlementBook(SqlConnection conn) {
        return conn.query("select kind, owner, asset, credits_posted - debits_posted as posted from ledger_account"
                        + " where kind in ('UNITS', 'CASH_AVAILABLE')").execute()
                .flatMap(accounts -> conn.query("select party, instrument, sum(quantity)::bigint as net from ("
                                + " select buyer_id as party, instrument, quantity, trade_date from cleared_trade"
                                + " union all select seller_id, instrument, -quantity, trade_date from cleared_trade"
                                + ") t where trade_date not in (select trade_date from clearing_run)"
                                + " group by party, instrument").execute()
                        .map(undelivered -> {
                            Map<Position, Long> ledger = new TreeMap<>();
                            Map<Position, Long> delivered = new TreeMap<>();
                            accounts.forEach(r -> {
                                boolean units = r.getString("kind").equals("UNITS");
                                Position position = new Position(r.getString("owner"),
                                        units ? r.getString("asset") : Position.CASH);
                                ledger.put(position, r.getLong("posted"));
                                if (units) {
                                    delivered.put(position, r.getLong("posted"));
                                }
                            });
                            undelivered.forEach(r -> delivered.merge(new Position(r.getUUID("party").toString(),
                                    r.getString("instrument")), -r.getLong("net"), Math::addExact));
                            return new SettlementBook(ledger, delivered);
                        }));
    }

    private static Uni<Map<Position, Long>> registryBook(SqlConnection conn) {
        return conn.query("select party_id, instrument, quantity from registry_in_trading").execute().map(rows -> {
            Map<Position, Long> book = new TreeMap<>();
            rows.forEach(r -> book.put(new Position(r.getUUID("party_id").toString(), r.getString("instrument")),
                    r.getLong("quantity")));
            return book;
        });
    }

    private static Uni<Void> persist(SqlConnection conn, ReconciliationView view) {
        List<Difference> d = view.differences();
        return conn.preparedQuery("insert into reconciliation_run (run_id, business_date, ran_at, registry_status,"
                        + " trading_status, trading_detail, differences) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(Arrays.asList(view.runId(), view.businessDate(),
                        view.ranAt().atOffset(ZoneOffset.UTC), view.registryStatus(), view.tradingStatus(),
                        view.tradingDetail(), d.size())))
                .chain(() -> d.isEmpty() ? Uni.createFrom().voidItem()
                        : DIFFERENCES.execute(conn, "insert into reconciliation_difference (run_id, seq, source,"
                                + " party_id, asset, settlement, other) select * from unnest($1::uuid[], $2::int[],"
                                + " $3::text[], $4::uuid[], $5::text[], $6::bigint[], $7::bigint[])",
                        IntStream.range(0, d.size()).mapToObj(i -> new Numbered(view.runId(), i, d.get(i))).toList()));
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
