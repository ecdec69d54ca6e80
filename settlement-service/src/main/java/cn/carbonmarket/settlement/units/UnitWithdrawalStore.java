package cn.carbonmarket.settlement.units;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** The SQL of unit_withdrawal: units a party took out of trading, or an auctioneer's unsold units returned. */
@ApplicationScoped
public class UnitWithdrawalStore {

    private static final String COLUMNS = "id, party_id, instrument, quantity, destination, released_at";

    /** Whether a unit withdrawal is recorded under {@code id}. */
    Uni<Boolean> isRecorded(SqlClient sql, String id) {
        return sql.preparedQuery("select 1 from unit_withdrawal where id = $1").execute(Tuple.of(id))
                .map(known -> known.size() > 0);
    }

    Uni<UnitWithdrawalView> insert(SqlConnection conn, UnitWithdrawals.Release release, OffsetDateTime releasedAt) {
        return conn.preparedQuery("insert into unit_withdrawal (id, party_id, instrument, quantity, destination,"
                        + " requested_by, released_at) values ($1, $2, $3, $4, $5, $6, $7) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {release.withdrawalId(), release.party().value(),
                        release.instrument().toString(), release.tonnes(),
                        release.destination() == null ? null : release.destination().value(), release.requestedBy(),
                        releasedAt}))
                .map(rows -> viewOf(rows.iterator().next()));
    }

    /** The unit withdrawal, or null. */
    Uni<UnitWithdrawalView> find(SqlConnection conn, String id) {
        return conn.preparedQuery("select " + COLUMNS + " from unit_withdrawal where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : viewOf(rows.iterator().next()));
    }

    private static UnitWithdrawalView viewOf(Row r) {
        return new UnitWithdrawalView(r.getString("id"), r.getUUID("party_id").toString(), r.getString("instrument"),
                r.getLong("quantity"), r.getString("destination"), r.getOffsetDateTime("released_at"));
    }
}
