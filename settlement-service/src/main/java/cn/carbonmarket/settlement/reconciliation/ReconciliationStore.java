package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** The SQL of reconciliation_run and reconciliation_difference: every reconciliation and what it found. */
@ApplicationScoped
public class ReconciliationStore {

    /** A difference's row: its run and its place in the report. */
    private record Numbered(UUID runId, int seq, Difference difference) {
    }

    private static final ColumnBatch<Numbered> DIFFERENCES = new ColumnBatch<Numbered>()
            .column(UUID.class, Numbered::runId)
            .column(Integer.class, Numbered::seq)
            .column(String.class, n -> n.difference().source())
            .column(UUID.class, n -> UUID.fromString(n.difference().partyId()))
            .column(String.class, n -> n.difference().asset())
            .column(Long.class, n -> n.difference().settlement())
            .column(Long.class, n -> n.difference().other());

    /** The caller's transaction reads one snapshot, so the books it compares agree with each other. */
    Uni<Void> readOneSnapshot(SqlConnection conn) {
        return conn.query("set transaction isolation level repeatable read").execute().replaceWithVoid();
    }

    Uni<Void> insert(SqlConnection conn, ReconciliationView view) {
        List<Difference> d = view.differences();
        return conn.preparedQuery("insert into reconciliation_run (run_id, business_date, ran_at, started_by,"
                        + " registry_status, trading_status, trading_detail, differences)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple(Arrays.asList(view.runId(), view.businessDate(),
                        view.ranAt().atOffset(ZoneOffset.UTC), view.startedBy(), view.registryStatus(), view.tradingStatus(),
                        view.tradingDetail(), d.size())))
                .chain(() -> d.isEmpty() ? Uni.createFrom().voidItem()
                        : DIFFERENCES.execute(conn, "insert into reconciliation_difference (run_id, seq, source,"
                                + " party_id, asset, settlement, other) select * from unnest($1::uuid[], $2::int[],"
                                + " $3::text[], $4::uuid[], $5::text[], $6::bigint[], $7::bigint[])",
                        IntStream.range(0, d.size()).mapToObj(i -> new Numbered(view.runId(), i, d.get(i))).toList()));
    }

    /** The latest run of a business date with its differences in report order, or null if none ran. */
    Uni<ReconciliationView> latest(SqlConnection conn, LocalDate date) {
        return conn.preparedQuery("select run_id, business_date, ran_at, started_by, registry_status,"
                        + " trading_status, trading_detail from reconciliation_run where business_date = $1"
                        + " order by ran_at desc limit 1")
                .execute(Tuple.of(date))
                .flatMap(runs -> {
                    if (runs.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row run = runs.iterator().next();
                    return conn.preparedQuery("select source, party_id, asset, settlement, other from"
                                    + " reconciliation_difference where run_id = $1 order by seq")
                            .execute(Tuple.of(run.getUUID("run_id")))
                            .map(rows -> {
                                List<Difference> differences = new ArrayList<>();
                                rows.forEach(r -> differences.add(Difference.of(r.getString("source"),
                                        new Position(r.getUUID("party_id").toString(), r.getString("asset")),
                                        r.getLong("settlement"), r.getLong("other"))));
                                return new ReconciliationView(run.getUUID("run_id"), run.getLocalDate("business_date"),
                                        run.getOffsetDateTime("ran_at").toInstant(), run.getString("started_by"),
                                        run.getString("registry_status"),
                                        run.getString("trading_status"), run.getString("trading_detail"), differences);
                            });
                });
    }
}
