package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The units a migration set aside in a pilot's suspense account, per pilot account, and their assignment by the
 * regulator to the national party it identified: one MIGRATION transaction out of the suspense account per pilot
 * account, once. The party becomes one of the pilot's holders in the same transaction.
 */
@ApplicationScoped
public class SuspenseAssignments {

    private final Booking booking;
    private final Pool pool;
    private final MigrationJobStore jobs;
    private final SuspenseStore suspense;
    private final PilotHolders pilotHolders;
    private final Clock clock;

    SuspenseAssignments(Booking booking, Pool pool, MigrationJobStore jobs, SuspenseStore suspense,
                        PilotHolders pilotHolders, Clock clock) {
        this.booking = booking;
        this.pool = pool;
        this.jobs = jobs;
        this.suspense = suspense;
        this.pilotHolders = pilotHolders;
        this.clock = clock;
    }

    public record Assignment(UUID party, UUID transaction, String evidence, String assignedBy, Instant assignedAt) {
    }

    /** One pilot account's set-aside units, by instrument, and their assignment once made. */
    public record SuspenseHolding(String pilotAccount, String holderName, Map<String, Long> tonnes,
                                  List<String> reasons, Assignment assignment) {
    }

    public record Assigned(SuspenseHolding holding, boolean replayed) {
    }

    public Uni<List<SuspenseHolding>> list(UUID job) {
        return pilotOf(job).flatMap(pilot -> holdings(job, null));
    }

    public Uni<Assigned> assign(UUID job, String pilotAccount, PartyId party, String evidence, Initiator initiator) {
        return pilotOf(job).flatMap(pilot -> holdings(job, pilotAccount).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(new NotFoundException("NOT_IN_SUSPENSE",
                        "job " + job + " set aside nothing of pilot account " + pilotAccount));
            }
            SuspenseHolding holding = found.get(0);
            if (holding.assignment() != null) {
                if (holding.assignment().party().equals(party.value())) {
                    return Uni.createFrom().item(new Assigned(holding, true));
                }
                return Uni.createFrom().failure(new ConflictException("ALREADY_ASSIGNED", "pilot account "
                        + pilotAccount + " was assigned to party " + holding.assignment().party() + " before"));
            }
            return booking.book(movement(pilot, holding, party), initiator,
                            "suspense/" + job + "/" + pilotAccount, (conn, booked) -> suspense.insert(conn, job,
                                    pilotAccount, new Assignment(party.value(), booked.id(), evidence,
                                            initiator.name(), clock.instant()))
                                    .chain(() -> pilotHolders.migrated(conn, pilot.jurisdiction(), List.of(party))))
                    .flatMap(outcome -> holdings(job, pilotAccount))
                    .map(after -> new Assigned(after.get(0), false));
        }));
    }

    /** Every instrument of the pilot account leaves the suspense account for the party's holding, in one transaction. */
    private static Movement movement(Pilot pilot, SuspenseHolding holding, PartyId party) {
        String suspense = SystemAccounts.migrationSuspense(pilot.jurisdiction());
        String to = AccountId.holdingOf(party).value();
        List<Movement.Line> lines = new ArrayList<>();
        holding.tonnes().forEach((code, tonnes) -> {
            InstrumentCode instrument = InstrumentCode.parse(code);
            lines.add(new Movement.Line(new HoldingKey(suspense, instrument, HoldingStatus.AVAILABLE), -tonnes));
            lines.add(new Movement.Line(new HoldingKey(to, instrument, HoldingStatus.AVAILABLE), tonnes));
        });
        return new Movement(TransactionType.MIGRATION, lines);
    }

    private Uni<List<SuspenseHolding>> holdings(UUID job, String pilotAccount) {
        return pool.withConnection(conn -> suspense.holdings(conn, job, pilotAccount));
    }

    /** Only a committed job put units into suspense. */
    private Uni<Pilot> pilotOf(UUID job) {
        return pool.withConnection(conn -> jobs.state(conn, job)).map(state -> {
            if (state == null) {
                throw new NotFoundException("MIGRATION_JOB_NOT_FOUND", "no migration job " + job);
            }
            if (state.status() != JobStatus.COMMITTED) {
                throw new ConflictException("JOB_NOT_COMMITTED", "job " + job + " is " + state.status()
                        + ": it booked nothing into suspense");
            }
            return state.pilot();
        });
    }
}
