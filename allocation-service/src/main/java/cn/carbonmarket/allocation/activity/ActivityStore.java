package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of activity_data and activity_upload. Every write of a year's activity data runs under the year's lock
 * ({@link #lockYear}), so the checks a write makes (who verified what, which content was uploaded) still hold when
 * it commits; reads take no lock.
 */
@ApplicationScoped
public class ActivityStore {

    private static final String RECORD = "select a.unit_id, g.party_id, a.year, a.electricity_supplied_mwh,"
            + " a.heat_supplied_gj, a.load_factor, a.heat_supply_ratio, a.verified, a.upload_id, a.recorded_by,"
            + " a.recorded_at, a.updated_at from activity_data a join generating_unit g on g.unit_id = a.unit_id";

    private static final String RECEIPT = "select upload_id, year, content_hash, row_count, verified, uploaded_by,"
            + " uploaded_at from activity_upload";

    /** A unit's row with the same figures and flag is left as it was: its updated_at says when they last changed. */
    private static final String WRITE = "insert into activity_data (unit_id, year, electricity_supplied_mwh,"
            + " heat_supplied_gj, load_factor, heat_supply_ratio, verified, upload_id, recorded_by, recorded_at,"
            + " updated_at) select u, $6::integer, e, h, lf::numeric, hr::numeric, $7::boolean, $8::uuid, $9::text,"
            + " $10::timestamptz, $10::timestamptz"
            + " from unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) as r(u, e, h, lf, hr)"
            + " on conflict (unit_id, year) do update set electricity_supplied_mwh = excluded.electricity_supplied_mwh,"
            + " heat_supplied_gj = excluded.heat_supplied_gj, load_factor = excluded.load_factor,"
            + " heat_supply_ratio = excluded.heat_supply_ratio, verified = excluded.verified,"
            + " upload_id = excluded.upload_id, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at"
            + " where (activity_data.electricity_supplied_mwh, activity_data.heat_supplied_gj,"
            + " activity_data.load_factor, activity_data.heat_supply_ratio, activity_data.verified)"
            + " is distinct from (excluded.electricity_supplied_mwh, excluded.heat_supplied_gj, excluded.load_factor,"
            + " excluded.heat_supply_ratio, excluded.verified)";

    /** Held until the transaction ends by every writer of the year's activity data. */
    Uni<Void> lockYear(SqlConnection conn, int year) {
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of("activity_data/" + year)).replaceWithVoid();
    }

    /** The registered units among {@code unitIds}, by unit id (an unknown unit is absent). */
    Uni<Map<String, UnitStanding>> standings(SqlClient sql, int year, List<String> unitIds) {
        return sql.preparedQuery("select g.unit_id, g.party_id, c.region, coalesce(a.verified, false) as verified"
                        + " from generating_unit g join covered_entity c on c.party_id = g.party_id"
                        + " left join activity_data a on a.unit_id = g.unit_id and a.year = $2"
                        + " where g.unit_id = any($1::text[])")
                .execute(Tuple.of(unitIds.toArray(String[]::new), year))
                .map(rows -> {
                    Map<String, UnitStanding> units = new HashMap<>(rows.size() * 2);
                    rows.forEach(r -> units.put(r.getString("unit_id"), new UnitStanding(
                            new PartyId(r.getUUID("party_id")), Region.valueOf(r.getString("region")),
                            r.getBoolean("verified"))));
                    return units;
                });
    }

    /** The unit's record of the year, or null. */
    Uni<ActivityRecord> record(SqlClient sql, String unitId, int year) {
        return sql.preparedQuery(RECORD + " where a.unit_id = $1 and a.year = $2")
                .execute(Tuple.of(unitId, year))
                .map(rows -> rows.size() == 0 ? null : record(rows.iterator().next()));
    }

    /** The entity's units' records of the year, by unit id. */
    Uni<List<ActivityRecord>> ofEntity(SqlClient sql, PartyId party, int year) {
        return sql.preparedQuery(RECORD + " where g.party_id = $1 and a.year = $2 order by a.unit_id")
                .execute(Tuple.of(party.value(), year))
                .map(rows -> {
                    List<ActivityRecord> records = new ArrayList<>(rows.size());
                    rows.forEach(r -> records.add(record(r)));
                    return records;
                });
    }

    /**
     * Records the units' figures of the year in one statement: new units inserted, changed ones updated with their
     * source ({@code uploadId}, null when entered through the API, and {@code by}), the same ones left as they are.
     */
    Uni<Void> write(SqlConnection conn, int year, List<ActivityRow> rows, boolean verified, UUID uploadId, String by,
                    Instant at) {
        int n = rows.size();
        String[] units = new String[n];
        Long[] electricity = new Long[n];
        Long[] heat = new Long[n];
        String[] loadFactors = new String[n];
        String[] heatSupplyRatios = new String[n];
        for (int i = 0; i < n; i++) {
            ActivityFigures figures = rows.get(i).figures();
            units[i] = rows.get(i).unitId();
            electricity[i] = figures.electricitySuppliedMwh();
            heat[i] = figures.heatSuppliedGj();
            loadFactors[i] = figures.loadFactor().toPlainString();
            heatSupplyRatios[i] = figures.heatSupplyRatio().toPlainString();
        }
        return conn.preparedQuery(WRITE)
                .execute(Tuple.tuple(Arrays.asList(units, electricity, heat, loadFactors, heatSupplyRatios, year,
                        verified, uploadId, by, at.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /**
     * Records units' figures of a year as verified under the year's lock, in the caller's transaction: the verified
     * production of a confirmed emission report.
     */
    public Uni<Void> recordVerified(SqlConnection conn, int year, Map<String, ActivityFigures> figures, String by,
                                    Instant at) {
        List<ActivityRow> rows = figures.entrySet().stream()
                .map(unit -> new ActivityRow(unit.getKey(), unit.getValue())).toList();
        return lockYear(conn, year).chain(() -> write(conn, year, rows, true, null, by, at));
    }

    /** The receipt of the year's upload of this content with this verified flag, or null. */
    Uni<UploadReceipt> upload(SqlConnection conn, int year, String contentHash, boolean verified) {
        return conn.preparedQuery(RECEIPT + " where year = $1 and content_hash = $2 and verified = $3")
                .execute(Tuple.of(year, contentHash, verified))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new UploadReceipt(r.getUUID("upload_id"), r.getInteger("year"), r.getString("content_hash"),
                            r.getInteger("row_count"), r.getBoolean("verified"), r.getString("uploaded_by"),
                            r.getOffsetDateTime("uploaded_at").toInstant());
                });
    }

    Uni<Void> insertUpload(SqlConnection conn, UploadReceipt receipt) {
        return conn.preparedQuery("insert into activity_upload (upload_id, year, content_hash, row_count, verified,"
                        + " uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(List.of(receipt.uploadId(), receipt.year(), receipt.contentHash(),
                        receipt.rows(), receipt.verified(), receipt.uploadedBy(),
                        receipt.uploadedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static ActivityRecord record(Row r) {
        return new ActivityRecord(r.getString("unit_id"), r.getUUID("party_id").toString(), r.getInteger("year"),
                r.getLong("electricity_supplied_mwh"), r.getLong("heat_supplied_gj"), r.getBigDecimal("load_factor"),
                r.getBigDecimal("heat_supply_ratio"), r.getBoolean("verified"), r.getUUID("upload_id"),
                r.getString("recorded_by"), r.getOffsetDateTime("recorded_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }
}
