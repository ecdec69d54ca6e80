package cn.carbonmarket.allocation.report;

import static cn.carbonmarket.platform.sql.Rows.all;
import static cn.carbonmarket.platform.sql.Rows.first;

import cn.carbonmarket.allocation.report.DataQuality.PriorUnit;
import cn.carbonmarket.allocation.report.DataQuality.SharedEvidence;
import cn.carbonmarket.allocation.report.EmissionsAccounting.Accounted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of emission reports: versions with their units and fuel lines, their steps, the verifier's adjustments,
 * the flags kept at confirmation, and the verified emissions per unit that confirmation writes.
 */
@ApplicationScoped
public class EmissionReportStore {

    private static final String REPORT = "select report_id, version, period_id, party_id, region, year, status, late,"
            + " verifier_party_id, emissions_tonnes, created_by, created_at, updated_at, submitted_at, concluded_at,"
            + " confirmed_at from emission_report r";

    /** The compliance period a report belongs to, as reporting needs it. */
    record PeriodRow(String periodId, int firstYear, int lastYear, String benchmarkPack, String status) {
    }

    /** A step of a report's history. */
    public record Step(int version, String action, String actor, String actorParty, Instant at, String note) {
    }

    private record UnitRow(String reportId, int version, UnitReport unit, long tonnes) {
    }

    private record FuelRow(String reportId, int version, String unitId, int line, FuelLine fuel) {
    }

    private final ColumnBatch<UnitRow> unitRows = new ColumnBatch<UnitRow>()
            .column(String.class, UnitRow::reportId)
            .column(Integer.class, UnitRow::version)
            .column(String.class, row -> row.unit().unitId())
            .column(Long.class, row -> row.unit().electricitySuppliedMwh())
            .column(Long.class, row -> row.unit().heatSuppliedGj())
            .column(String.class, row -> row.unit().loadFactor().toPlainString())
            .column(String.class, row -> row.unit().heatSupplyRatio().toPlainString())
            .column(String.class, row -> row.unit().purchased().toPlainString())
            .column(Long.class, UnitRow::tonnes);

    private final ColumnBatch<FuelRow> fuelRows = new ColumnBatch<FuelRow>()
            .column(String.class, FuelRow::reportId)
            .column(Integer.class, FuelRow::version)
            .column(String.class, FuelRow::unitId)
            .column(Integer.class, FuelRow::line)
            .column(String.class, row -> row.fuel().fuel().name())
            .column(String.class, row -> row.fuel().consumption().toPlainString())
            .column(String.class, row -> plain(row.fuel().netCalorificValue()))
            .column(String.class, row -> row.fuel().carbonContentMethod().name())
            .column(String.class, row -> plain(row.fuel().carbonContent()))
            .column(String.class, row -> row.fuel().labReportId())
            .column(String.class, row -> row.fuel().sampleId())
            .column(String.class, row -> plain(row.fuel().oxidationRate()));

    Uni<Optional<PeriodRow>> period(SqlClient sql, String periodId) {
        return sql.preparedQuery("select period_id, first_year, last_year, benchmark_pack, status from"
                        + " compliance_period where period_id = $1")
                .execute(Tuple.of(periodId))
                .map(rows -> first(rows, r -> new PeriodRow(r.getString("period_id"), r.getInteger("first_year"),
                        r.getInteger("last_year"), r.getString("benchmark_pack"), r.getString("status"))));
    }

    /** The covered entity's region, if the party is covered. */
    Uni<Optional<Region>> regionOf(SqlClient sql, PartyId party) {
        return sql.preparedQuery("select region from covered_entity where party_id = $1")
                .execute(Tuple.of(party.value()))
                .map(rows -> first(rows, r -> Region.valueOf(r.getString("region"))));
    }

    /** Those of {@code unitIds} registered to the party. */
    Uni<Set<String>> unitsOf(SqlClient sql, PartyId party, List<String> unitIds) {
        return sql.preparedQuery("select unit_id from generating_unit where party_id = $1 and unit_id = any($2)")
                .execute(Tuple.of(party.value(), unitIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> units = new HashSet<>();
                    rows.forEach(r -> units.add(r.getString("unit_id")));
                    return units;
                });
    }

    /** The report's latest version, its row locked for the caller's transaction when {@code forUpdate}. */
    Uni<Optional<ReportRecord>> current(SqlClient sql, String reportId, boolean forUpdate) {
        return sql.preparedQuery(REPORT + " where report_id = $1 order by version desc limit 1"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(reportId))
                .map(rows -> first(rows, EmissionReportStore::record));
    }

    Uni<Optional<ReportRecord>> version(SqlClient sql, String reportId, int version) {
        return sql.preparedQuery(REPORT + " where report_id = $1 and version = $2")
                .execute(Tuple.of(reportId, version))
                .map(rows -> first(rows, EmissionReportStore::record));
    }

    /** The latest version of each report the filter admits (null: any), the latest years first. */
    Uni<List<ReportRecord>> list(SqlClient sql, String periodId, Integer year, PartyId party, Region region,
                                 UUID verifier, ReportStatus status) {
        return sql.preparedQuery(REPORT + " where r.version = (select max(c.version) from emission_report c"
                        + " where c.report_id = r.report_id) and ($1::text is null or r.period_id = $1)"
                        + " and ($2::integer is null or r.year = $2) and ($3::uuid is null or r.party_id = $3)"
                        + " and ($4::text is null or r.region = $4) and ($5::uuid is null or r.verifier_party_id = $5)"
                        + " and ($6::text is null or r.status = $6) order by r.year desc, r.report_id limit 1000")
                .execute(Tuple.tuple(Arrays.asList(periodId, year, party == null ? null : party.value(),
                        region == null ? null : region.name(), verifier, status == null ? null : status.name())))
                .map(rows -> all(rows, EmissionReportStore::record));
    }

    Uni<Void> insert(SqlClient sql, ReportRecord report) {
        return sql.preparedQuery("insert into emission_report (report_id, version, period_id, party_id, region, year,"
                        + " status, late, verifier_party_id, emissions_tonnes, created_by, created_at, updated_at,"
                        + " submitted_at, concluded_at, confirmed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                        + " $11, $12, $13, $14, $15, $16)")
                .execute(Tuple.tuple(Arrays.asList(report.reportId(), report.version(), report.periodId(),
                        report.party().value(), report.region().name(), report.year(), report.status().name(),
                        report.late(), report.verifierPartyId(), report.emissionsTonnes(), report.createdBy(),
                        utc(report.createdAt()), utc(report.updatedAt()), utc(report.submittedAt()),
                        utc(report.concludedAt()), utc(report.confirmedAt()))))
                .replaceWithVoid();
    }

    /** Writes what may change of a version: its status and the times and people of its steps. */
    Uni<Void> update(SqlClient sql, ReportRecord report) {
        return sql.preparedQuery("update emission_report set status = $3, late = $4, verifier_party_id = $5,"
                        + " emissions_tonnes = $6, updated_at = $7, submitted_at = $8, concluded_at = $9,"
                        + " confirmed_at = $10 where report_id = $1 and version = $2")
                .execute(Tuple.tuple(Arrays.asList(report.reportId(), report.version(), report.status().name(),
                        report.late(), report.verifierPartyId(), report.emissionsTonnes(), utc(report.updatedAt()),
                        utc(report.submittedAt()), utc(report.concludedAt()), utc(report.confirmedAt()))))
                .replaceWithVoid();
    }

    /** Replaces a version's units and fuel lines with {@code units}, each with its tonnes. */
    Uni<Void> writeUnits(SqlClient sql, String reportId, int version, List<UnitReport> units, Accounted accounted) {
        List<UnitRow> unitList = new ArrayList<>(units.size());
        List<FuelRow> fuelList = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            UnitReport unit = units.get(u);
            unitList.add(new UnitRow(reportId, version, unit, accounted.units().get(u).tonnes()));
            for (int line = 0; line < unit.fuels().size(); line++) {
                fuelList.add(new FuelRow(reportId, version, unit.unitId(), line, unit.fuels().get(line)));
            }
        }
        return sql.preparedQuery("delete from report_unit where report_id = $1 and version = $2")
                .execute(Tuple.of(reportId, version))
                .chain(() -> unitRows.execute(sql, "insert into report_unit (report_id, version, unit_id,"
                        + " electricity_supplied_mwh, heat_supplied_gj, load_factor, heat_supply_ratio,"
                        + " purchased_electricity_mwh, emissions_tonnes) select r, v, u, e, h, lf::numeric,"
                        + " hr::numeric, p::numeric, t from unnest($1::text[], $2::integer[], $3::text[],"
                        + " $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::bigint[])"
                        + " as x(r, v, u, e, h, lf, hr, p, t)", unitList))
                .chain(() -> fuelRows.execute(sql, "insert into report_fuel (report_id, version, unit_id, line, fuel,"
                        + " consumption, net_calorific_value, carbon_content_method, carbon_content, lab_report_id,"
                        + " sample_id, oxidation_rate) select r, v, u, l, f, c::numeric, n::numeric, m, cc::numeric,"
                        + " lab, s, o::numeric from unnest($1::text[], $2::integer[], $3::text[], $4::integer[],"
                        + " $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],"
                        + " $12::text[]) as x(r, v, u, l, f, c, n, m, cc, lab, s, o)", fuelList));
    }

    /** A version's units with their fuel lines, by unit id. */
    Uni<List<UnitReport>> units(SqlClient sql, String reportId, int version) {
        return sql.preparedQuery("select unit_id, line, fuel, consumption, net_calorific_value,"
                        + " carbon_content_method, carbon_content, lab_report_id, sample_id, oxidation_rate"
                        + " from report_fuel where report_id = $1 and version = $2 order by unit_id, line")
                .execute(Tuple.of(reportId, version))
                .chain(fuelRows -> sql.preparedQuery("select unit_id, electricity_supplied_mwh, heat_supplied_gj,"
                                + " load_factor, heat_supply_ratio, purchased_electricity_mwh from report_unit"
                                + " where report_id = $1 and version = $2 order by unit_id")
                        .execute(Tuple.of(reportId, version))
                        .map(unitRows -> {
                            Map<String, List<FuelLine>> fuels = new HashMap<>();
                            fuelRows.forEach(r -> fuels.computeIfAbsent(r.getString("unit_id"), u -> new ArrayList<>())
                                    .add(new FuelLine(FuelType.valueOf(r.getString("fuel")),
                                            r.getBigDecimal("consumption"), r.getBigDecimal("net_calorific_value"),
                                            CarbonContentMethod.valueOf(r.getString("carbon_content_method")),
                                            r.getBigDecimal("carbon_content"), r.getString("lab_report_id"),
                                            r.getString("sample_id"), r.getBigDecimal("oxidation_rate"))));
                            return all(unitRows, r -> new UnitReport(r.getString("unit_id"),
                                    r.getLong("electricity_supplied_mwh"), r.getLong("heat_supplied_gj"),
                                    r.getBigDecimal("load_factor"), r.getBigDecimal("heat_supply_ratio"),
                                    r.getBigDecimal("purchased_electricity_mwh"),
                                    fuels.getOrDefault(r.getString("unit_id"), List.of())));
                        }));
    }

    Uni<Void> step(SqlClient sql, ReportRecord report, String action, String actor, PartyId actorParty,
                   Instant at, String note) {
        return sql.preparedQuery("insert into report_step (report_id, version, action, actor, actor_party, at, note)"
                        + " values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(Arrays.asList(report.reportId(), report.version(), action, actor,
                        actorParty == null ? null : actorParty.value(), utc(at), note)))
                .replaceWithVoid();
    }

    /** Every step of every version of the report, in the order they were taken. */
    Uni<List<Step>> history(SqlClient sql, String reportId) {
        return sql.preparedQuery("select version, action, actor, actor_party, at, note from report_step"
                        + " where report_id = $1 order by step_id")
                .execute(Tuple.of(reportId))
                .map(rows -> all(rows, r -> new Step(r.getInteger("version"), r.getString("action"),
                        r.getString("actor"), r.getUUID("actor_party") == null ? null
                                : r.getUUID("actor_party").toString(),
                        r.getOffsetDateTime("at").toInstant(), r.getString("note"))));
    }

    /** One adjustment's changes: the same reason, person, time and stage for each. */
    Uni<Void> adjustments(SqlClient sql, ReportRecord report, List<Adjustment> adjustments) {
        int n = adjustments.size();
        String[] fields = new String[n];
        String[] olds = new String[n];
        String[] news = new String[n];
        for (int i = 0; i < n; i++) {
            fields[i] = adjustments.get(i).field();
            olds[i] = adjustments.get(i).oldValue();
            news[i] = adjustments.get(i).newValue();
        }
        Adjustment first = adjustments.get(0);
        return sql.preparedQuery("insert into report_adjustment (report_id, version, field, old_value, new_value,"
                        + " reason, adjusted_by, adjusted_at, after_conclusion) select $1, $2, f, o, n, $6, $7, $8, $9"
                        + " from unnest($3::text[], $4::text[], $5::text[]) with ordinality as x(f, o, n, i)"
                        + " order by i")
                .execute(Tuple.tuple(Arrays.asList(report.reportId(), report.version(), fields, olds, news,
                        first.reason(), first.adjustedBy(), utc(first.adjustedAt()), first.afterConclusion())))
                .replaceWithVoid();
    }

    Uni<List<Adjustment>> adjustments(SqlClient sql, String reportId, int version) {
        return sql.preparedQuery("select field, old_value, new_value, reason, adjusted_by, adjusted_at,"
                        + " after_conclusion from report_adjustment where report_id = $1 and version = $2"
                        + " order by adjustment_id")
                .execute(Tuple.of(reportId, version))
                .map(rows -> all(rows, r -> new Adjustment(r.getString("field"), r.getString("old_value"),
                        r.getString("new_value"), r.getString("reason"), r.getString("adjusted_by"),
                        r.getOffsetDateTime("adjusted_at").toInstant(), r.getBoolean("after_conclusion"))));
    }

    /**
     * Each unit of the entity's latest confirmed report of the year: its tonnes, electricity supplied and whether
     * it reported a measured carbon content.
     */
    Uni<Map<String, PriorUnit>> confirmedUnits(SqlClient sql, PartyId party, int year) {
        return sql.preparedQuery("select distinct on (u.unit_id) u.unit_id, u.emissions_tonnes,"
                        + " u.electricity_supplied_mwh, exists (select 1 from report_fuel f where f.report_id ="
                        + " u.report_id and f.version = u.version and f.unit_id = u.unit_id"
                        + " and f.carbon_content_method = 'MEASURED') as measured from report_unit u"
                        + " join emission_report r on r.report_id = u.report_id and r.version = u.version"
                        + " where r.party_id = $1 and r.year = $2 and r.status = 'CONFIRMED' and r.version ="
                        + " (select max(c.version) from emission_report c where c.report_id = r.report_id"
                        + " and c.status = 'CONFIRMED') order by u.unit_id, r.confirmed_at desc")
                .execute(Tuple.of(party.value(), year))
                .map(rows -> {
                    Map<String, PriorUnit> units = new LinkedHashMap<>();
                    rows.forEach(r -> units.put(r.getString("unit_id"), new PriorUnit(r.getString("unit_id"),
                            r.getLong("emissions_tonnes"), r.getLong("electricity_supplied_mwh"),
                            r.getBoolean("measured"))));
                    return units;
                });
    }

    /** The lab report and sample ids of a version that other entities' submitted or confirmed reports name too. */
    Uni<List<SharedEvidence>> sharedEvidence(SqlClient sql, ReportRecord report) {
        String shared = "select f.unit_id, f.line, '%s' as kind, f.%s as id, min(o.report_id) as other"
                + " from report_fuel f join report_fuel o on o.%s = f.%s join emission_report r"
                + " on r.report_id = o.report_id and r.version = o.version where f.report_id = $1"
                + " and f.version = $2 and r.party_id <> $3 and r.status <> 'DRAFT'"
                + " group by f.unit_id, f.line, f.%s";
        return sql.preparedQuery(shared.formatted("lab report", "lab_report_id", "lab_report_id", "lab_report_id",
                                "lab_report_id") + " union all "
                        + shared.formatted("sample", "sample_id", "sample_id", "sample_id", "sample_id")
                        + " order by 1, 2, 3")
                .execute(Tuple.of(report.reportId(), report.version(), report.party().value()))
                .map(rows -> all(rows, r -> new SharedEvidence(r.getString("unit_id"), r.getInteger("line"),
                        r.getString("kind"), r.getString("id"), r.getString("other"))));
    }

    Uni<Void> keepFlags(SqlClient sql, ReportRecord report, List<DataQualityFlag> flags) {
        if (flags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Integer[] lines = new Integer[flags.size()];
        String[] codes = new String[flags.size()];
        String[] units = new String[flags.size()];
        String[] reasons = new String[flags.size()];
        for (int i = 0; i < flags.size(); i++) {
            lines[i] = i;
            codes[i] = flags.get(i).code();
            units[i] = flags.get(i).unitId();
            reasons[i] = flags.get(i).reason();
        }
        return sql.preparedQuery("insert into report_flag (report_id, version, line, code, unit_id, reason)"
                        + " select $1, $2, * from unnest($3::integer[], $4::text[], $5::text[], $6::text[])")
                .execute(Tuple.of(report.reportId(), report.version(), lines, codes, units, reasons))
                .replaceWithVoid();
    }

    Uni<List<DataQualityFlag>> keptFlags(SqlClient sql, String reportId, int version) {
        return sql.preparedQuery("select code, unit_id, reason from report_flag where report_id = $1 and version = $2"
                        + " order by line")
                .execute(Tuple.of(reportId, version))
                .map(rows -> all(rows, r -> new DataQualityFlag(r.getString("code"), r.getString("unit_id"),
                        r.getString("reason"))));
    }

    /**
     * The confirmed version's tonnes per unit replace the entity's verified emissions of the period and year: units
     * an earlier version had and this one has not are removed.
     */
    Uni<Void> replaceVerifiedEmissions(SqlClient sql, ReportRecord report, List<UnitReport> units,
                                       Accounted accounted) {
        String[] unitIds = units.stream().map(UnitReport::unitId).toArray(String[]::new);
        Long[] tonnes = accounted.units().stream().map(u -> u.tonnes()).toArray(Long[]::new);
        return sql.preparedQuery("delete from verified_unit_emissions where period_id = $1 and party_id = $2"
                        + " and year = $3 and unit_id <> all($4::text[])")
                .execute(Tuple.of(report.periodId(), report.party().value(), report.year(), unitIds))
                .chain(() -> sql.preparedQuery("insert into verified_unit_emissions (period_id, party_id, year,"
                                + " unit_id, report_id, version, emissions_tonnes, confirmed_at) select $1, $2, $3, u,"
                                + " $5, $6, t, $7 from unnest($4::text[], $8::bigint[]) as x(u, t)"
                                + " on conflict (period_id, party_id, year, unit_id) do update set report_id ="
                                + " excluded.report_id, version = excluded.version, emissions_tonnes ="
                                + " excluded.emissions_tonnes, confirmed_at = excluded.confirmed_at")
                        .execute(Tuple.tuple(Arrays.asList(report.periodId(), report.party().value(), report.year(),
                                unitIds, report.reportId(), report.version(), utc(report.confirmedAt()), tonnes))))
                .replaceWithVoid();
    }

    private static ReportRecord record(Row r) {
        return new ReportRecord(r.getString("report_id"), r.getInteger("version"), r.getString("period_id"),
                new PartyId(r.getUUID("party_id")), Region.valueOf(r.getString("region")), r.getInteger("year"),
                ReportStatus.valueOf(r.getString("status")), r.getBoolean("late"), r.getUUID("verifier_party_id"),
                r.getLong("emissions_tonnes"), r.getString("created_by"), instant(r, "created_at"),
                instant(r, "updated_at"), instant(r, "submitted_at"), instant(r, "concluded_at"),
                instant(r, "confirmed_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
