package cn.carbonmarket.registry.pledge;

import cn.carbonmarket.registry.pledge.Pledges.PledgeView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The pledges (pledge). */
@ApplicationScoped
class PledgeStore {

    /** An ACTIVE pledge, written in the transaction that books its PLEDGE. */
    Uni<Void> insert(SqlConnection conn, PledgeView pledge, OffsetDateTime registeredAt) {
        return conn.preparedQuery("insert into pledge (id, account_id, instrument, quantity, pledgee, expires_on,"
                        + " status, pledge_transaction, registered_at) values ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7,"
                        + " $8)")
                .execute(Tuple.tuple(Arrays.asList(pledge.id(), pledge.account(), pledge.instrument(),
                        pledge.quantity(), pledge.pledgee(), pledge.expiresOn(), pledge.pledgeTransaction(),
                        registeredAt)))
                .replaceWithVoid();
    }

    /** Ends an ACTIVE pledge with its PLEDGE_RELEASE; false when it was not ACTIVE. */
    Uni<Boolean> end(SqlConnection conn, UUID id, String endStatus, UUID releaseTransaction,
                     OffsetDateTime releasedAt) {
        return conn.preparedQuery("update pledge set status = $4, release_transaction = $2, released_at = $3"
                        + " where id = $1 and status = 'ACTIVE'")
                .execute(Tuple.of(id, releaseTransaction, releasedAt, endStatus))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The ACTIVE pledges whose term ended before {@code day}, by id. */
    Uni<List<UUID>> activeExpiringBefore(SqlConnection conn, LocalDate day) {
        return conn.preparedQuery("select id from pledge where status = 'ACTIVE' and expires_on < $1 order by id")
                .execute(Tuple.of(day))
                .map(rows -> {
                    List<UUID> due = new ArrayList<>();
                    rows.forEach(r -> due.add(r.getUUID("id")));
                    return due;
                });
    }

    /** The pledge, or null. */
    Uni<PledgeView> find(SqlConnection conn, UUID id) {
        return conn.preparedQuery("select * from pledge where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    private static PledgeView view(Row r) {
        return new PledgeView(r.getUUID("id"), r.getString("account_id"), r.getString("instrument"),
                r.getLong("quantity"), r.getString("pledgee"), r.getLocalDate("expires_on"), r.getString("status"),
                r.getUUID("pledge_transaction"), r.getUUID("release_transaction"));
    }
}
