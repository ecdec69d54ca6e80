package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** The SQL of withdrawal: a cash withdrawal and the clearing bank's decision on it. */
@ApplicationScoped
public class WithdrawalStore {

    private static final String COLUMNS = "id, party_id, amount_fen, status, requested_at, bank_reference, reason,"
            + " decided_at";

    /** Whether a withdrawal is recorded under {@code id}. */
    Uni<Boolean> isRecorded(SqlClient sql, UUID id) {
        return sql.preparedQuery("select 1 from withdrawal where id = $1").execute(Tuple.of(id))
                .map(known -> known.size() > 0);
    }

    /** A new withdrawal, PENDING. */
    Uni<WithdrawalView> insert(SqlConnection conn, UUID id, PartyId party, long fen, String requestedBy,
                               OffsetDateTime requestedAt) {
        return conn.preparedQuery("insert into withdrawal (id, party_id, amount_fen, status,"
                        + " requested_by, requested_at) values ($1, $2, $3, 'PENDING', $4, $5)"
                        + " returning " + COLUMNS)
                .execute(Tuple.of(id, party.value(), fen, requestedBy, requestedAt))
                .map(rows -> viewOf(rows.iterator().next()));
    }

    /** The withdrawal, locked until the caller's transaction ends, or null. */
    Uni<WithdrawalView> lock(SqlConnection conn, UUID id) {
        return conn.preparedQuery("select " + COLUMNS + " from withdrawal where id = $1"
                        + " for update")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : viewOf(rows.iterator().next()));
    }

    /** The bank's decision, recorded on the withdrawal. */
    Uni<WithdrawalView> decide(SqlConnection conn, UUID id, String status, String bankReference, String reason,
                               OffsetDateTime decidedAt) {
        return conn.preparedQuery("update withdrawal set status = $2,"
                        + " bank_reference = $3, reason = $4, decided_at = $5"
                        + " where id = $1 returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(id, status, bankReference, reason, decidedAt)))
                .map(updated -> viewOf(updated.iterator().next()));
    }

    /** The withdrawal, or null. */
    Uni<WithdrawalView> find(SqlConnection conn, UUID id) {
        return conn.preparedQuery("select " + COLUMNS + " from withdrawal where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : viewOf(rows.iterator().next()));
    }

    private static WithdrawalView viewOf(Row r) {
        return new WithdrawalView(r.getUUID("id"), r.getUUID("party_id").toString(), r.getLong("amount_fen"),
                r.getString("status"), r.getOffsetDateTime("requested_at"), r.getString("bank_reference"),
                r.getString("reason"), r.getOffsetDateTime("decided_at"));
    }
}
