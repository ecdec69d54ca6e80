package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The SQL that records surrendered units, once per registry transaction, party and instrument. */
@ApplicationScoped
public class SurrenderStore {

    private final ColumnBatch<SurrenderTracking.Surrendered> rows = new ColumnBatch<SurrenderTracking.Surrendered>()
            .column(UUID.class, SurrenderTracking.Surrendered::transactionId)
            .column(UUID.class, SurrenderTracking.Surrendered::partyId)
            .column(String.class, SurrenderTracking.Surrendered::instrument)
            .column(String.class, SurrenderTracking.Surrendered::periodId)
            .column(String.class, s -> s.kind().name())
            .column(Long.class, SurrenderTracking.Surrendered::tonnes)
            .column(OffsetDateTime.class, s -> s.bookedAt().atOffset(ZoneOffset.UTC));

    /** A transaction already recorded adds nothing: its id, party and instrument are the key. */
    Uni<Void> record(SqlClient sql, List<SurrenderTracking.Surrendered> surrendered) {
        return rows.execute(sql, "insert into surrendered_units (transaction_id, party_id, instrument, period_id, kind,"
                + " tonnes, booked_at) select t, p, i, per, k, sum(q), min(b) from unnest($1::uuid[], $2::uuid[],"
                + " $3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[]) as s(t, p, i, per, k, q, b)"
                + " group by t, p, i, per, k on conflict do nothing", surrendered);
    }
}
