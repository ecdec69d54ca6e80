package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.allocation.coverage.CoveredEntities;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Each generating unit's activity data per year, entered one unit at a time: by the unit's provincial authority or
 * the regulator, verified by the regulator only, and a verified record changed by the regulator only. The same
 * figures again change nothing.
 */
@ApplicationScoped
public class ActivityData {

    static final String NOT_YOUR_REGION = "a provincial authority reaches only its region's units";

    private final Pool pool;
    private final ActivityStore store;
    private final CoveredEntities entities;
    private final Clock clock;

    public ActivityData(Pool pool, ActivityStore store, CoveredEntities entities, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.entities = entities;
        this.clock = clock;
    }

    /** The record as it stands now, and whether this call created it. */
    public record Recorded(ActivityRecord record, boolean created) {
    }

    public Uni<Recorded> record(int year, String unitId, ActivityRequest request, Caller caller) {
        Verification.requireRegulatorToVerify(request.isVerified(), caller);
        ActivityFigures figures = request.figures();
        return pool.withTransaction(conn -> store.lockYear(conn, year)
                .chain(() -> store.standings(conn, year, List.of(unitId)))
                .chain(standings -> {
                    UnitStanding unit = reachable(unitId, standings.get(unitId), caller);
                    Verification.requireMayChange(unit, unitId, year, caller);
                    return store.record(conn, unitId, year);
                })
                .chain(existing -> {
                    if (existing != null && existing.figures().sameAs(figures)
                            && existing.verified() == request.isVerified()) {
                        return Uni.createFrom().item(new Recorded(existing, false));
                    }
                    return store.write(conn, year, List.of(new ActivityRow(unitId, figures)), request.isVerified(),
                                    null, caller.name(), clock.instant().truncatedTo(ChronoUnit.MICROS))
                            .chain(() -> store.record(conn, unitId, year))
                            .map(written -> new Recorded(written, existing == null));
                }));
    }

    /** The regulator reads any unit's, a provincial authority its region's, an entity its own. */
    public Uni<ActivityRecord> get(int year, String unitId, Caller caller) {
        return store.standings(pool, year, List.of(unitId))
                .chain(standings -> {
                    reachable(unitId, standings.get(unitId), caller);
                    return store.record(pool, unitId, year);
                })
                .onItem().ifNull().failWith(() -> new NotFoundException("ACTIVITY_NOT_FOUND",
                        "no activity data of " + year + " is recorded for unit " + unitId));
    }

    public Uni<List<ActivityRecord>> ofEntity(int year, PartyId party, Caller caller) {
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        return Panache.withSession(() -> entities.of(party, caller))
                .chain(() -> store.ofEntity(pool, party, year));
    }

    /** The registered unit, if the caller reaches it: the regulator any, a province its region's, an entity its own. */
    private static UnitStanding reachable(String unitId, UnitStanding unit, Caller caller) {
        if (unit == null) {
            throw new NotFoundException("UNIT_NOT_FOUND", "no generating unit " + unitId + " is registered");
        }
        caller.requireSelfOr(unit.party(), Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        caller.requireRegionOf(unit.party(), unit.region(), NOT_YOUR_REGION);
        return unit;
    }
}
