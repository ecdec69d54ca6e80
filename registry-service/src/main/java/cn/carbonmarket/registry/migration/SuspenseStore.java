package cn.carbonmarket.registry.migration;

import cn.carbonmarket.registry.migration.SuspenseAssignments.Assignment;
import cn.carbonmarket.registry.migration.SuspenseAssignments.SuspenseHolding;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The units a job set aside (its SET_ASIDE issues) and their assignments to parties (suspense_assignment). */
@ApplicationScoped
class SuspenseStore {

    /** An assignment, written in the transaction that books its MIGRATION out of suspense. */
    Uni<Void> insert(SqlConnection conn, UUID job, String pilotAccount, Assignment assignment) {
        return conn.preparedQuery("insert into suspense_assignment (job_id, pilot_account, party_id, transaction_id,"
                        + " evidence, assigned_by, assigned_at) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(Arrays.asList(job, pilotAccount, assignment.party(), assignment.transaction(),
                        assignment.evidence(), assignment.assignedBy(),
                        assignment.assignedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** The set-aside rows of the job (of one pilot account, or of all when null), summed per pilot account. */
    Uni<List<SuspenseHolding>> holdings(SqlConnection conn, UUID job, String pilotAccount) {
        return conn.preparedQuery("select i.pilot_account, min(i.holder_name) as holder_name, i.instrument,"
                        + " sum(i.tonnes)::bigint as tonnes, array_agg(distinct i.reason order by i.reason) as reasons,"
                        + " a.party_id, a.transaction_id, a.evidence, a.assigned_by, a.assigned_at"
                        + " from migration_issue i left join suspense_assignment a"
                        + " on a.job_id = i.job_id and a.pilot_account = i.pilot_account"
                        + " where i.job_id = $1 and i.outcome = 'SET_ASIDE'"
                        + " and ($2::text is null or i.pilot_account = $2)"
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
                        Arrays.stream(r.getArrayOfStrings("reasons"))
                                .filter(reason -> !holding.reasons().contains(reason))
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
