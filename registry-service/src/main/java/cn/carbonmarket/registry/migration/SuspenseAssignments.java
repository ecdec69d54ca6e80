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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The units a migration set aside in a pilot's suspense account, per pilot account, and their assignment by the
 * regulator to the national party it identified: one MIGRATION transaction out of the suspense account per pilot
 * account, once.
 */
@ApplicationScoped
public class SuspenseAssignments {

    private final Booking booking;
    private final Pool pool;
    private final Clock clock;

    public SuspenseAssignments(Booking booking, Pool pool, Clock clock) {
        this.booking = booking;
        this.pool = pool;
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
                            "suspense/" + job + "/" + pilotAccount, (conn, booked) -> conn.preparedQuery(
                                    "insert into suspense_assignment (job_id, pilot_account, party_id, transaction_id,"
                                            + " evidence, assigned_by, assigned_at) values ($1, $2, $3, $4, $5, $6, $7)")
                                    .execute(Tuple.tuple(Arrays.asList(job, pilotAccount, party.value(), booked.id(),
                                            evidence, initiator.name(), clock.instant().atOffset(ZoneOffset.UTC))))
                                    .replaceWithVoid())
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

    /** Only a committed job put units into suspense. */
    private Uni<Pilot> pilotOf(UUID job) {
        return pool.preparedQuery("select pilot, status from migration_job where id = $1").execute(Tuple.of(job))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("MIGRATION_JOB_NOT_FOUND", "no migration job " + job);
                    }
                    Row row = rows.iterator().next();
                    if (!JobStatus.COMMITTED.name().equals(row.getString("status"))) {
                        throw new ConflictException("JOB_NOT_COMMITTED", "job " + job + " is "
                                + row.getString("status") + ": it booked nothing into suspense");
                    }
                    return Pilot.valueOf(row.getString("pilot"));
                });
    }

    /** The set-aside rows of the job (of one pilot account, or of all when null), summed per pilot account. */
    private Uni<List<SuspenseHolding>> holdings(UUID job, String pilotAccount) {
        return pool.preparedQuery("select i.pilot_account, min(i.holder_name) as holder_name, i.instrument,"
                        + " sum(i.tonnes)::bigint as tonnes, array_agg(distinct i.reason order by i.reason) as reasons,"
                        + " a.party_id, a.transaction_id, a.evidence, a.assigned_by, a.assigned_at"
                        + " from migration_issue i left join suspense_assignment a"
                        + " on a.job_id = i.job_id and a.pilot_account = i.pilot_account"
                        + " where i.job_id = $1 and i.outcome = 'SET_ASIDE' and ($2::text is null or i.pilot_account = $2)"
                        + " group by i.pilot_account, i.instrument, a.party_id, a.transaction_id, a.evidence,"
                        + " a.assigned_by, a.assigned_at order by i.pilot_account, i.instrument")
                .execute(Tuple.of(job, pilotAccount))
                .map(rows -> {
                    Map<String, SuspenseHolding> byAccount = new LinkedHashMap<>();
                    rows.forEach(r -> {
                        SuspenseHolding holding = byAccount.computeIfAbsent(r.getString("pilot_account"),
                                account -> new SuspenseHolding(account, r.getString("holder_name"), new TreeMap<>(),
                                        new ArrayList<>(), assignment(r)));
                        holding.tonnes().put(r.getString("instrument"), r.getLong("tonnes"));
                        Arrays.stream(r.getArrayOfStrings("reasons")).filter(reason -> !holding.reasons().contains(reason))
                                .forEach(holding.reasons()::add);
                    });
                    return List.copyOf(byAccount.values());
                });
    }

    private static Assignment assignment(Row r) {
        UUID party = r.getUUID("party_id");
        if (party == null) {
            return null;
        }
        OffsetDateTime at = r.getOffsetDateTime("assigned_at");
        return new Assignment(party, r.getUUID("transaction_id"), r.getString("evidence"), r.getString("assigned_by"),
                at.toInstant());
    }
}
