package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Each entity's compliance for a period as callers may see it (whoever runs the period's jurisdiction all of it: the
 * regulator, a pilot's authority its pilot's periods; another provincial authority its region, an entity itself):
 * its status follows from its obligation, what it surrendered and, after the full surrender deadline (Shanghai date
 * by the service's clock), whether it fell short. Per jurisdiction, the summary of each of its periods.
 */
@ApplicationScoped
public class Compliance {

    /** Those below this share (in percent) of their obligation are warned before the first deadline. */
    static final int FIRST_DEADLINE_PERCENT = 95;

    private final Pool pool;
    private final ObligationStore obligations;
    private final StandingStore standings;
    private final PenaltyStore penalties;
    private final ComplianceRules rules;
    private final Clock clock;

    Compliance(Pool pool, ObligationStore obligations, StandingStore standings, PenaltyStore penalties,
               ComplianceRules rules, Clock clock) {
        this.pool = pool;
        this.obligations = obligations;
        this.standings = standings;
        this.penalties = penalties;
        this.rules = rules;
        this.clock = clock;
    }

    public Uni<ComplianceTable> table(String periodId, Caller caller) {
        return period(pool, periodId).chain(period -> {
            Region region = scope(caller, period);
            return standings.standings(pool, periodId, region, null, deadlinePassed(period))
                    .map(found -> ComplianceTable.of(period, today(), region == null ? null : region.name(), found));
        });
    }

    /** Every period of the jurisdiction, the latest first, each as its entities stand today. */
    public Uni<JurisdictionCompliance> jurisdiction(Jurisdiction jurisdiction, Caller caller) {
        caller.requireRuns(jurisdiction);
        LocalDate today = today();
        return obligations.periodsOf(pool, jurisdiction).chain(periods -> Multi.createFrom().iterable(periods)
                .onItem().transformToUniAndConcatenate(period -> standings.standings(pool, period.periodId(), null,
                                null, deadlinePassed(period))
                        .map(found -> JurisdictionCompliance.Period.of(ComplianceTable.of(period, today, null,
                                found), period)))
                .collect().asList()
                .map(rows -> new JurisdictionCompliance(jurisdiction.name(), today, rows)));
    }

    public Uni<EntityCompliance> entity(String periodId, PartyId party, Caller caller) {
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        return period(pool, periodId).chain(period -> standing(pool, period, party)
                        .invoke(standing -> {
                            if (!caller.runs(period.jurisdiction())) {
                                caller.requireRegionOf(party, Region.parse(standing.region()),
                                        "a provincial authority sees only its region's entities");
                            }
                        }))
                .chain(standing -> obligations.units(pool, periodId, party.value())
                        .chain(units -> penalties.find(pool, periodId, party.value())
                                .map(penalty -> new EntityCompliance(periodId, standing, units,
                                        penalty.orElse(null)))));
    }

    /**
     * While the window before the 95% deadline is open, the entities below 95% of their obligation; an empty list
     * before the window opens and after the deadline.
     */
    public Uni<Warnings> warnings(String periodId, Caller caller) {
        return period(pool, periodId).chain(period -> {
            Region region = scope(caller, period);
            ComplianceRule rule = rule(period);
            LocalDate today = today();
            LocalDate opens = period.deadline95().minusDays(rule.warningDays());
            boolean open = !today.isBefore(opens) && !today.isAfter(period.deadline95());
            return standings.standings(pool, periodId, region, null, deadlinePassed(period))
                    .map(found -> new Warnings(periodId, today, period.deadline95(), opens, open,
                            !open ? List.of()
                            : found.stream().filter(s -> s.below(FIRST_DEADLINE_PERCENT)).toList()));
        });
    }

    Uni<Standing> standing(SqlClient sql, PeriodRow period, PartyId party) {
        return standings.standings(sql, period.periodId(), null, party.value(), deadlinePassed(period))
                .map(found -> found.stream().findFirst().orElseThrow(() -> new NotFoundException(
                        "OBLIGATION_NOT_FOUND", "no obligation of " + party + " for " + period.periodId())));
    }

    Uni<PeriodRow> period(SqlClient sql, String periodId) {
        return period(sql, periodId, false);
    }

    /** Locked for the caller's transaction where {@code forUpdate}: decisions on one period take turns. */
    Uni<PeriodRow> period(SqlClient sql, String periodId, boolean forUpdate) {
        return obligations.period(sql, periodId, forUpdate).map(found -> found.orElseThrow(() -> new NotFoundException(
                "PERIOD_NOT_FOUND", "no compliance period " + periodId)));
    }

    ComplianceRule rule(PeriodRow period) {
        return rules.of(period.benchmarkPack()).orElseThrow(() -> new IllegalStateException("compliance period "
                + period.periodId() + " names a benchmark pack without compliance rules"));
    }

    boolean deadlinePassed(PeriodRow period) {
        return today().isAfter(period.deadline100());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MarketPrices.MARKET_ZONE);
    }

    /**
     * Whoever runs the period's jurisdiction (the regulator, a pilot's authority for its pilot's periods) sees every
     * region (null); another provincial authority only its own.
     */
    private static Region scope(Caller caller, PeriodRow period) {
        if (caller.runs(period.jurisdiction())) {
            return null;
        }
        return caller.region().orElseThrow(() -> new ForbiddenException("NOT_YOUR_REGION",
                "the provincial authority's token names no region"));
    }
}
