package cn.carbonmarket.allocation.pilot;

import cn.carbonmarket.allocation.compliance.ComplianceRule;
import cn.carbonmarket.allocation.compliance.ComplianceRules;
import cn.carbonmarket.allocation.issuance.InstructionView;
import cn.carbonmarket.allocation.issuance.InstructionPublisher;
import cn.carbonmarket.allocation.issuance.IssuanceInstructionStore;
import cn.carbonmarket.allocation.period.PeriodStatus;
import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enrols covered entities in a pilot period (a period whose pack obliges verified emissions): the authority running
 * the pilot, or the regulator, states each entity's sector, free allocation and verified emissions. A changed free
 * allocation is issued (or clawed back) by the difference through an issuance instruction written and published in
 * the same transaction; the same statement again changes nothing. The period's row is locked, so enrolments and
 * obligation settings of one period take turns.
 */
@ApplicationScoped
public class PilotEnrolments {

    /** Enrolments change while the period allocates, reports or collects surrenders, as runs do. */
    private static final Set<PeriodStatus> OPEN_FOR_ENROLMENT = EnumSet.of(PeriodStatus.ALLOCATING,
            PeriodStatus.REPORTING, PeriodStatus.SURRENDER);

    /** The enrolment as it stands and whether this call made it. */
    public record Enrolled(EnrolmentView enrolment, boolean created) {
    }

    private final Pool pool;
    private final EnrolmentStore store;
    private final OneMarketRule oneMarket;
    private final IssuanceInstructionStore instructions;
    private final ComplianceRules rules;
    private final InstructionPublisher publisher;
    private final Clock clock;

    PilotEnrolments(Pool pool, EnrolmentStore store, OneMarketRule oneMarket, IssuanceInstructionStore instructions,
                    ComplianceRules rules, InstructionPublisher publisher, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.oneMarket = oneMarket;
        this.instructions = instructions;
        this.rules = rules;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<Enrolled> enrol(String periodId, PartyId party, EnrolmentRequest request, Caller caller) {
        RequestValidation validation = new RequestValidation();
        Sector sector = validation.field("sector", () -> Sector.parse(request.sector()));
        validation.throwIfInvalid();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(conn -> pilotPeriod(conn, periodId, caller, true).chain(period -> {
            if (!OPEN_FOR_ENROLMENT.contains(period.status())) {
                throw new ConflictException("PERIOD_NOT_ALLOCATING", "compliance period " + periodId + " is "
                        + period.status() + ": entities are enrolled from ALLOCATING until CLOSED");
            }
            return store.entity(conn, party.value())
                    .map(found -> found.orElseThrow(() -> new NotFoundException("NOT_COVERED",
                            "party " + party + " is not a covered entity")))
                    .call(entity -> oneMarket.requireNotNationallyCovered(conn, party.value(), sector))
                    .chain(entity -> store.find(conn, periodId, party.value()).chain(existing -> {
                        if (existing.isPresent() && existing.get().enrolment().states(sector,
                                request.freeAllocationTonnes(), request.verifiedEmissionsTonnes())) {
                            return view(conn, existing.get()).map(view -> new Enrolled(view, false));
                        }
                        Optional<Enrolment> before = existing.map(EnrolmentStore.Named::enrolment);
                        return save(conn, period, entity, before, sector, request, caller.name(), now)
                                .chain(saved -> view(conn, new EnrolmentStore.Named(saved, entity.name())))
                                .map(view -> new Enrolled(view, before.isEmpty()));
                    }));
        }));
    }

    public Uni<EnrolmentView> get(String periodId, PartyId party, Caller caller) {
        return pool.withConnection(conn -> pilotPeriod(conn, periodId, caller, false)
                .chain(period -> store.find(conn, periodId, party.value()))
                .map(found -> found.orElseThrow(() -> new NotFoundException("NOT_ENROLLED",
                        "party " + party + " is not enrolled in " + periodId)))
                .chain(named -> view(conn, named)));
    }

    public Uni<List<EnrolmentView>> list(String periodId, Caller caller) {
        return pool.withConnection(conn -> pilotPeriod(conn, periodId, caller, false)
                .chain(period -> store.list(conn, periodId))
                .chain(all -> instructions.pilotInstructions(conn, periodId, null).map(made -> {
                    Map<String, List<InstructionView>> byParty = made.stream()
                            .collect(Collectors.groupingBy(InstructionView::partyId));
                    return all.stream().map(named -> EnrolmentView.of(named.enrolment(), named.name(),
                            byParty.getOrDefault(named.enrolment().partyId().toString(), List.of()))).toList();
                })));
    }

    /** The period, if the caller runs its jurisdiction and its pack enrols entities (a pilot's pack). */
    private Uni<PilotPeriod> pilotPeriod(SqlClient sql, String periodId, Caller caller, boolean forUpdate) {
        return store.period(sql, periodId, forUpdate).map(found -> {
            PilotPeriod period = found.orElseThrow(() -> new NotFoundException("PERIOD_NOT_FOUND",
                    "no compliance period " + periodId));
            caller.requireRuns(period.jurisdiction());
            ComplianceRule rule = rules.of(period.pack()).orElseThrow(() -> new IllegalStateException(
                    "compliance period " + periodId + " names a pack without compliance rules"));
            if (!rule.obligation().enrols()) {
                throw new RuleViolationException("NOT_A_PILOT_PERIOD", "compliance period " + periodId
                        + " sets obligations from generating units and allocation runs (pack " + period.pack()
                        + "); entities are enrolled only in a pilot period");
            }
            return period;
        });
    }

    /**
     * Writes the enrolment and, where the free allocation differs from what its instructions asked for so far, the
     * next instruction for the difference, published through the outbox.
     */
    private Uni<Enrolment> save(SqlConnection conn, PilotPeriod period, EnrolmentStore.Entity entity,
                                Optional<Enrolment> before, Sector sector, EnrolmentRequest request, String by,
                                Instant now) {
        int made = before.map(Enrolment::instructions).orElse(0);
        return instructions.pilotInstructed(conn, period.periodId(), entity.partyId()).chain(instructed -> {
            long delta = request.freeAllocationTonnes() - instructed;
            Enrolment after = new Enrolment(period.periodId(), entity.partyId(), entity.region().name(), sector,
                    request.freeAllocationTonnes(), request.verifiedEmissionsTonnes(), delta == 0 ? made : made + 1,
                    before.map(Enrolment::enrolledBy).orElse(by), before.map(Enrolment::enrolledAt).orElse(now), by,
                    now);
            Uni<Void> issued = delta == 0 ? Uni.createFrom().voidItem()
                    : instructions.writePilot(conn, period.periodId(), entity.partyId(), entity.region(),
                                    period.instrument(), delta, made + 1, by, now)
                            .chain(instruction -> publisher.publish(conn, instruction));
            return store.save(conn, after).chain(() -> issued).replaceWith(after);
        });
    }

    private Uni<EnrolmentView> view(SqlClient sql, EnrolmentStore.Named named) {
        return instructions.pilotInstructions(sql, named.enrolment().periodId(), named.enrolment().partyId())
                .map(made -> EnrolmentView.of(named.enrolment(), named.name(), made));
    }
}
