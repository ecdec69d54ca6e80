package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.event.ObligationSet;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Sets the period's obligations: every entity with verified emissions for each year of the period gets its
 * obligation from them and the period's final allocation (its approved true-up approved last), by the rules of the
 * period's benchmark pack. An entity whose figures changed gets a new version, published as {@link ObligationSet}
 * through the outbox in the same transaction; the same inputs again change and publish nothing. The period's row is
 * locked, so settings and run approvals of one period take turns.
 */
@ApplicationScoped
public class ObligationSetting {

    /** An entity whose obligation is written as a new version. */
    record Changed(EntityInput input, int version, ObligationMethod.EntityObligation figures) {
    }

    private final Pool pool;
    private final ObligationStore store;
    private final ComplianceRules rules;
    private final Outbox outbox;
    private final Clock clock;

    ObligationSetting(Pool pool, ObligationStore store, ComplianceRules rules, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<ObligationOutcome> set(String periodId, Caller caller) {
        return pool.withTransaction(conn -> store.period(conn, periodId, true)
                .map(found -> found.orElseThrow(() -> new NotFoundException("PERIOD_NOT_FOUND",
                        "no compliance period " + periodId)))
                .chain(period -> store.finalRun(conn, periodId)
                        .map(run -> run.orElseThrow(() -> new ConflictException("NO_APPROVED_TRUE_UP",
                                "compliance period " + periodId + " has no approved true-up: obligations are set"
                                        + " against the final allocation")))
                        .chain(runId -> set(conn, period, runId, caller.name()))));
    }

    private Uni<ObligationOutcome> set(SqlConnection conn, PeriodRow period, UUID runId, String setBy) {
        ComplianceRule rule = rules.of(period.benchmarkPack()).orElseThrow(() -> new IllegalStateException(
                "compliance period " + period.periodId() + " names a benchmark pack without compliance rules"));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        InstrumentCode instrument = InstrumentCode.parse(period.instrument());
        return store.reportedYears(conn, period, runId).chain(years -> store.inputs(conn, period, runId)
                .chain(inputs -> store.obligations(conn, period.periodId()).chain(existing -> {
                    List<Changed> changed = changes(inputs, existing, rule);
                    List<Outbox.Keyed<ObligationSet>> events = changed.stream().map(c -> new Outbox.Keyed<>(
                            c.input().partyId().toString(), new ObligationSet(period.periodId(),
                                    new PartyId(c.input().partyId()), instrument, c.version(),
                                    c.figures().verifiedEmissionsTonnes(), c.figures().obligationTonnes(),
                                    c.figures().offsetLimitTonnes(), c.figures().borrowingLimitTonnes(), at,
                                    Sector.POWER, OffsetRules.NATIONAL)))
                            .toList();
                    Uni<Void> written = changed.isEmpty() ? Uni.createFrom().voidItem()
                            : store.write(conn, period.periodId(), runId, setBy, at, changed)
                                    .chain(() -> outbox.publishAll(conn, ObligationSet.TYPE, events));
                    return written.chain(() -> store.obligations(conn, period.periodId()))
                            .map(all -> new ObligationOutcome(period.periodId(), runId.toString(), changed.size(),
                                    all.values().stream().map(ObligationView::of).toList(),
                                    notObligated(period, years)));
                })));
    }

    private static List<Changed> changes(List<EntityInput> inputs, Map<UUID, ObligationRecord> existing,
                                         ComplianceRule rule) {
        List<Changed> changed = new ArrayList<>();
        for (EntityInput input : inputs) {
            ObligationMethod.EntityObligation figures = ObligationMethod.of(input.units(), rule);
            ObligationRecord before = existing.get(input.partyId());
            if (before == null || !before.sameFigures(figures)) {
                changed.add(new Changed(input, before == null ? 1 : before.version() + 1, figures));
            }
        }
        return changed;
    }

    private static List<NotObligated> notObligated(PeriodRow period, Map<UUID, List<Integer>> years) {
        List<NotObligated> missing = new ArrayList<>();
        years.forEach((party, reported) -> {
            List<Integer> lacking = IntStream.rangeClosed(period.firstYear(), period.lastYear())
                    .filter(year -> !reported.contains(year)).boxed().toList();
            if (!lacking.isEmpty()) {
                missing.add(new NotObligated(party.toString(), lacking));
            }
        });
        return missing;
    }
}
