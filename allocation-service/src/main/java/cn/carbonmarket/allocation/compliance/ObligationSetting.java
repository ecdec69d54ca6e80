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
 * Sets the period's obligations by the rules of its pack. Where the pack caps by allocation (the national market),
 * every entity with verified emissions for each year of the period gets its obligation from them and the period's
 * final allocation (its true-up approved last); where it obliges verified emissions (a pilot), every enrolled entity
 * whose verified emissions are known gets them as its obligation. Each obligation carries the pack's offset rules
 * and its sector. An entity whose figures changed gets a new version, published as {@link ObligationSet} through the
 * outbox in the same transaction; the same inputs again change and publish nothing. The period's row is locked, so
 * settings, run approvals and enrolments of one period take turns. Set by whoever runs the period's jurisdiction.
 */
@ApplicationScoped
public class ObligationSetting {

    /** An entity's obligation as computed now. */
    record Computed(UUID partyId, String region, Sector sector, ObligationMethod.EntityObligation figures) {
    }

    /** An entity whose obligation is written as a new version. */
    record Changed(Computed computed, int version) {
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
                .chain(period -> {
                    caller.requireRuns(period.jurisdiction());
                    ComplianceRule rule = rules.of(period.benchmarkPack()).orElseThrow(() ->
                            new IllegalStateException("compliance period " + period.periodId()
                                    + " names a pack without compliance rules"));
                    return rule.obligation().enrols() ? setEnrolled(conn, period, rule, caller.name())
                            : setFromFinalRun(conn, period, rule, caller.name());
                }));
    }

    private Uni<ObligationOutcome> setFromFinalRun(SqlConnection conn, PeriodRow period, ComplianceRule rule,
                                                   String setBy) {
        Sector sector = rule.cappedByAllocation().sector().value();
        return store.finalRun(conn, period.periodId())
                .map(run -> run.orElseThrow(() -> new ConflictException("NO_APPROVED_TRUE_UP", "compliance period "
                        + period.periodId() + " has no approved true-up: obligations are set against the final"
                        + " allocation")))
                .chain(runId -> store.reportedYears(conn, period, runId)
                        .chain(years -> store.inputs(conn, period, runId).chain(inputs -> {
                            List<Computed> computed = inputs.stream().map(input -> new Computed(input.partyId(),
                                    input.region(), sector, ObligationMethod.of(input.units(), rule))).toList();
                            return write(conn, period, rule, runId, setBy, computed, notObligated(period, years));
                        })));
    }

    private Uni<ObligationOutcome> setEnrolled(SqlConnection conn, PeriodRow period, ComplianceRule rule,
                                               String setBy) {
        List<Integer> everyYear = IntStream.rangeClosed(period.firstYear(), period.lastYear()).boxed().toList();
        return store.enrolled(conn, period.periodId()).chain(enrolled -> {
            List<Computed> computed = enrolled.stream().filter(e -> e.verifiedEmissionsTonnes() != null)
                    .map(e -> new Computed(e.partyId(), e.region(), e.sector(), ObligationMethod.ofVerifiedEmissions(
                            e.verifiedEmissionsTonnes(), e.freeAllocationTonnes(), rule))).toList();
            List<NotObligated> unverified = enrolled.stream().filter(e -> e.verifiedEmissionsTonnes() == null)
                    .map(e -> new NotObligated(e.partyId().toString(), everyYear)).toList();
            return write(conn, period, rule, null, setBy, computed, unverified);
        });
    }

    /** Writes and publishes the obligations that changed, and answers with every obligation of the period. */
    private Uni<ObligationOutcome> write(SqlConnection conn, PeriodRow period, ComplianceRule rule, UUID runId,
                                         String setBy, List<Computed> computed, List<NotObligated> notObligated) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        InstrumentCode instrument = InstrumentCode.parse(period.instrument());
        OffsetRules offsets = rule.offsets().rules();
        return store.obligations(conn, period.periodId()).chain(existing -> {
            List<Changed> changed = changes(computed, existing);
            List<Outbox.Keyed<ObligationSet>> events = changed.stream().map(c -> new Outbox.Keyed<>(
                    c.computed().partyId().toString(), new ObligationSet(period.periodId(),
                            new PartyId(c.computed().partyId()), instrument, c.version(),
                            c.computed().figures().verifiedEmissionsTonnes(),
                            c.computed().figures().obligationTonnes(), c.computed().figures().offsetLimitTonnes(),
                            c.computed().figures().borrowingLimitTonnes(), at, c.computed().sector(), offsets)))
                    .toList();
            Uni<Void> written = changed.isEmpty() ? Uni.createFrom().voidItem()
                    : store.write(conn, period.periodId(), runId, setBy, at, changed)
                            .chain(() -> outbox.publishAll(conn, ObligationSet.TYPE, events));
            return written.chain(() -> store.obligations(conn, period.periodId()))
                    .map(all -> new ObligationOutcome(period.periodId(), runId == null ? null : runId.toString(),
                            changed.size(), all.values().stream().map(ObligationView::of).toList(), notObligated));
        });
    }

    private static List<Changed> changes(List<Computed> computed, Map<UUID, ObligationRecord> existing) {
        List<Changed> changed = new ArrayList<>();
        for (Computed entity : computed) {
            ObligationRecord before = existing.get(entity.partyId());
            if (before == null || !before.sameFigures(entity.sector(), entity.figures())) {
                changed.add(new Changed(entity, before == null ? 1 : before.version() + 1));
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
