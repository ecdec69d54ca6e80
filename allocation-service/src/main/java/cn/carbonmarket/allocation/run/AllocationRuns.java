package cn.carbonmarket.allocation.run;

import cn.carbonmarket.allocation.benchmark.BenchmarkPack;
import cn.carbonmarket.allocation.benchmark.BenchmarkPacks;
import cn.carbonmarket.allocation.issuance.InstructionPublisher;
import cn.carbonmarket.allocation.issuance.IssuanceInstructionStore;
import cn.carbonmarket.allocation.reserve.StabilityReserve;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * The allocation workflow of a period: compute a run (a draft, kept with its inputs), review it, and have the
 * regulator approve it, which writes one issuance instruction per entity whose allocation changes and publishes them
 * through the outbox in the same transaction (with a pre-allocation, the stability reserve's set-aside too). Runs of one period are computed and approved one at a time (the
 * period's row is locked), and a draft computed before another run's approval is stale: its differences were
 * measured against allocations that have changed since.
 */
@ApplicationScoped
public class AllocationRuns {

    /** A national run is tens of thousands of unit-years of decimal arithmetic: not for the event loop. */
    private static final Executor WORKERS = Infrastructure.getDefaultWorkerPool();

    private final Pool pool;
    private final AllocationRunStore store;
    private final IssuanceInstructionStore instructions;
    private final BenchmarkPacks packs;
    private final StabilityReserve reserve;
    private final InstructionPublisher publisher;
    private final Clock clock;

    AllocationRuns(Pool pool, AllocationRunStore store, IssuanceInstructionStore instructions, BenchmarkPacks packs,
                   StabilityReserve reserve, InstructionPublisher publisher, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.instructions = instructions;
        this.packs = packs;
        this.reserve = reserve;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<RunView> compute(RunRequest request, Caller caller) {
        RequestValidation validation = new RequestValidation();
        if (request.kind() == RunKind.PRE_ALLOCATION && request.baseYear() == null) {
            validation.reject("baseYear", "a pre-allocation computes on a base year's data: name it");
        }
        if (request.kind() == RunKind.TRUE_UP && request.baseYear() != null) {
            validation.reject("baseYear", "a true-up computes on the verified data of the period's own years and"
                    + " takes no base year");
        }
        validation.throwIfInvalid();
        return pool.withTransaction(conn -> period(conn, request.periodId())
                        .call(period -> request.kind() != RunKind.PRE_ALLOCATION ? Uni.createFrom().voidItem()
                                : store.approvedRunExists(conn, period.periodId(), RunKind.TRUE_UP, null)
                                        .invoke(trued -> {
                                            if (trued) {
                                                throw new ConflictException("PERIOD_TRUED_UP", "compliance period "
                                                        + period.periodId() + " has an approved true-up: its"
                                                        + " allocation is final, no pre-allocation follows it");
                                            }
                                        }))
                        .chain(period -> computeDraft(conn, period, request, caller)))
                .chain(this::view);
    }

    private Uni<RunRecord> computeDraft(SqlClient conn, PeriodTermsRow period, RunRequest request, Caller caller) {
        List<Integer> years = request.kind() == RunKind.PRE_ALLOCATION ? List.of(request.baseYear())
                : IntStream.rangeClosed(period.firstYear(), period.lastYear()).boxed().toList();
        BenchmarkPack pack = packs.of(period.benchmarkPack()).orElseThrow(() -> new ConflictException(
                "NO_BENCHMARK_PACK", "pack " + period.benchmarkPack() + " of period " + period.periodId() + " has no"
                        + " benchmarks: a pilot period's entities are enrolled with their free allocation"));
        return store.inputs(conn, years, request.kind() == RunKind.TRUE_UP)
                .invoke(inputs -> {
                    if (inputs.isEmpty()) {
                        throw new ConflictException("NO_UNITS", "no covered entity has a registered generating unit"
                                + " to allocate to");
                    }
                })
                .chain(inputs -> store.prior(conn, period.periodId())
                        .chain(prior -> store.deductions(conn, period.periodId())
                                .chain(deductions -> Uni.createFrom().item(() -> RunComputation.compute(
                                                request.kind(), pack, period.years(), inputs, prior, deductions))
                                        .runSubscriptionOn(WORKERS))))
                .chain(computed -> {
                    RunRecord run = new RunRecord(UUID.randomUUID(), period.periodId(), request.kind(), years,
                            pack.period(), period.instrument(), computed.inputsHash(), RunStatus.DRAFT,
                            (int) computed.unitCount(), computed.entities().size(), computed.totalTonnes(),
                            caller.name(), now(), null, null);
                    return store.insert(conn, run, computed).replaceWith(run);
                });
    }

    /** Approves a draft once: approving an approved run again answers it as it is and publishes nothing. */
    public Uni<RunView> approve(UUID runId, Caller caller) {
        return pool.withTransaction(conn -> run(conn, runId, false)
                        .chain(draft -> period(conn, draft.periodId()))
                        .chain(period -> run(conn, runId, true).chain(run -> run.status() == RunStatus.APPROVED
                                ? Uni.createFrom().item(run) : approveDraft(conn, period, run, caller))))
                .chain(this::view);
    }

    private Uni<RunRecord> approveDraft(SqlConnection conn, PeriodTermsRow period, RunRecord run, Caller caller) {
        Instant at = now();
        return store.approvedRunExists(conn, run.periodId(), null, run.computedAt())
                .invoke(stale -> {
                    if (stale) {
                        throw new ConflictException("RUN_STALE", "another run of " + run.periodId() + " was approved"
                                + " after run " + run.runId() + " was computed: compute the period again");
                    }
                })
                .chain(() -> store.approve(conn, run.runId(), caller.name(), at))
                .chain(() -> instructions.writeFor(conn, run.runId(), run.periodId(),
                        InstrumentCode.parse(period.instrument()), caller.name(), at))
                .chain(written -> publisher.publish(conn, written))
                .chain(() -> run.kind() != RunKind.PRE_ALLOCATION ? Uni.createFrom().voidItem()
                        : reserve.setAsideAtApproval(conn, new StabilityReserve.ApprovedRun(run.runId(),
                                run.periodId(), period.benchmarkPack(), InstrumentCode.parse(period.instrument()),
                                run.totalTonnes())))
                .chain(() -> run(conn, run.runId(), false));
    }

    public Uni<RunView> get(UUID runId) {
        return run(pool, runId, false).chain(this::view);
    }

    public Uni<List<RunView>> ofPeriod(String periodId) {
        return store.ofPeriod(pool, periodId).chain(runs -> runs.isEmpty() ? Uni.createFrom().item(List.of())
                : Multi.createFrom().iterable(runs).onItem().transformToUniAndConcatenate(this::view)
                        .collect().asList());
    }

    /** The regulator sees every entity of a run, a provincial authority only its region's. */
    public Uni<List<EntityAllocationView>> entities(UUID runId, Region region, Caller caller) {
        Region scope = region;
        if (!caller.hasRole(Roles.REGULATOR)) {
            Region own = caller.region().orElseThrow(() -> new ForbiddenException("NOT_YOUR_REGION",
                    "the provincial authority's token names no region"));
            if (region != null && region != own) {
                throw new ForbiddenException("NOT_YOUR_REGION", "a provincial authority sees only its region's"
                        + " entities");
            }
            scope = own;
        }
        Region filter = scope;
        return run(pool, runId, false).chain(run -> store.lastApprovedBefore(pool, run.periodId(), run.approvedAt())
                .chain(last -> store.entities(pool, runId, filter, last.map(RunRecord::runId).orElse(null))));
    }

    /** An entity's units in a run: the regulator any, a provincial authority its region's, an entity its own. */
    public Uni<List<UnitAllocationView>> units(UUID runId, PartyId party, Caller caller) {
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        return run(pool, runId, false)
                .chain(() -> store.regionIn(pool, runId, party.value()))
                .chain(region -> {
                    if (region.isEmpty()) {
                        throw new NotFoundException("NOT_IN_RUN", "run " + runId + " allocates nothing to " + party);
                    }
                    caller.requireRegionOf(party, region.get(), "a provincial authority sees only its region's"
                            + " entities");
                    return store.units(pool, runId, party.value());
                });
    }

    private Uni<RunView> view(RunRecord run) {
        return store.totalsByRegion(pool, run.runId())
                .chain(byRegion -> store.totalsByCategory(pool, run.runId())
                        .chain(byCategory -> store.lastApprovedBefore(pool, run.periodId(), run.approvedAt())
                                .map(last -> RunView.of(run, byRegion, byCategory, last.orElse(null)))));
    }

    private Uni<PeriodTermsRow> period(SqlClient sql, String periodId) {
        return store.lockPeriod(sql, periodId).map(found -> found.orElseThrow(() -> new NotFoundException(
                        "PERIOD_NOT_FOUND", "no compliance period " + periodId)))
                .invoke(period -> {
                    if (!period.allocating()) {
                        throw new ConflictException("PERIOD_NOT_ALLOCATING", "compliance period " + periodId + " is "
                                + period.status() + ": runs are computed and approved from ALLOCATING until CLOSED");
                    }
                });
    }

    private Uni<RunRecord> run(SqlClient sql, UUID runId, boolean forUpdate) {
        return store.find(sql, runId, forUpdate).map(found -> found.orElseThrow(() -> new NotFoundException(
                "RUN_NOT_FOUND", "no allocation run " + runId)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
