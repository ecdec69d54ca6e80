package cn.carbonmarket.registry.offset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** Offset issuances (offset_issuance), one per issuance id, written with their OFFSET_ISSUANCE transaction. */
@ApplicationScoped
class OffsetIssuanceStore {

    private static final String COLUMNS = "select issuance_id, transaction_id, party_id, instrument, quantity,"
            + " project_id, project_name, issued_by, issued_at from offset_issuance where issuance_id = $1";

    /** The issuance recorded under the id, locked until the caller's transaction ends; null when there is none. */
    Uni<OffsetIssuance> lock(SqlConnection conn, String issuanceId) {
        return find(conn, COLUMNS + " for update", issuanceId);
    }

    Uni<OffsetIssuance> find(SqlConnection conn, String issuanceId) {
        return find(conn, COLUMNS, issuanceId);
    }

    private static Uni<OffsetIssuance> find(SqlConnection conn, String query, String issuanceId) {
        return conn.preparedQuery(query).execute(Tuple.of(issuanceId))
                .map(rows -> rows.size() == 0 ? null : issuance(rows.iterator().next()));
    }

    Uni<Void> insert(SqlConnection conn, OffsetIssuance issuance) {
        return conn.preparedQuery("insert into offset_issuance (issuance_id, transaction_id, party_id, instrument,"
                        + " quantity, project_id, project_name, issued_by, issued_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {issuance.issuanceId(), issuance.transactionId(),
                        issuance.partyId(), issuance.instrument(), issuance.quantity(), issuance.projectId(),
                        issuance.projectName(), issuance.issuedBy(), issuance.issuedAt().atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    private static OffsetIssuance issuance(Row r) {
        return new OffsetIssuance(r.getString("issuance_id"), r.getUUID("transaction_id"), r.getUUID("party_id"),
                r.getString("instrument"), r.getLong("quantity"), r.getString("project_id"),
                r.getString("project_name"), r.getString("issued_by"), r.getOffsetDateTime("issued_at").toInstant());
    }
}
