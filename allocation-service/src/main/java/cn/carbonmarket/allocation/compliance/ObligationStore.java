package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.benchmark.UnitCategory;
import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.platform.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * All SQL of obligations: the period's terms, its final run, the verified emissions (the highest version of each
 * entity's year) or a pilot period's enrolments, and the obligation rows with their units.
 */
@ApplicationScoped
public class ObligationStore {

    private static final String COLUMNS = "period_id, party_id, region, sector, version, run_id,"
            + " verified_emissions_tonnes, allocation_tonnes, obligation_tonnes, offset_limit_tonnes,"
            + " borrowing_limit_tonnes, set_by, set_at";

    /** Each entity's year counts in its highest confirmed version. */
    private static final String LATEST = "with latest as (select v.party_id, v.year, v.unit_id, v.emissions_tonnes"
            + " from verified_unit_emissions v where v.period_id = $1 and v.year between $2 and $3"
            + " and v.version = (select max(w.version) from verified_unit_emissions w where w.period_id = v.period_id"
            + " and w.party_id = v.party_id and w.year = v.year))";

    private record Written(String periodId, UUID partyId, String region, Sector sector, int version, UUID runId,
                           ObligationMethod.EntityObligation figures, String setBy, OffsetDateTime setAt) {
    }

    private record UnitRow(String periodId, UUID partyId, ObligationMethod.UnitObligation unit) {
    }

    private final ColumnBatch<Written> obligations = new ColumnBatch<Written>()
            .column(String.class, Written::periodId)
            .column(UUID.class, Written::partyId)
            .column(String.class, Written::region)
            .column(String.class, w -> w.sector().name())
            .column(Integer.class, Written::version)
            .column(UUID.class, Written::runId)
            .column(Long.class, w -> w.figures().verifiedEmissionsTonnes())
            .column(Long.class, w -> w.figures().allocationTonnes())
            .column(Long.class, w -> w.figures().obligationTonnes())
            .column(Long.class, w -> w.figures().offsetLimitTonnes())
            .column(Long.class, w -> w.figures().borrowingLimitTonnes())
            .column(String.class, Written::setBy)
            .column(OffsetDateTime.class, Written::setAt);

    private final ColumnBatch<UnitRow> units = new ColumnBatch<UnitRow>()
            .column(String.class, UnitRow::periodId)
            .column(UUID.class, UnitRow::partyId)
            .column(String.class, row -> row.unit().unitId())
            .column(String.class, row -> row.unit().category() == null ? null : row.unit().category().name())
            .column(Long.class, row -> row.unit().emissionsTonnes())
            .column(Long.class, row -> row.unit().allocationTonnes())
            .column(Long.class, row -> row.unit().obligationTonnes());

    Uni<Optional<PeriodRow>> period(SqlClient sql, String periodId, boolean forUpdate) {
        return sql.preparedQuery("select period_id, jurisdiction, first_year, last_year, instrument, benchmark_pack,"
                        + " deadline_95, deadline_100 from compliance_period where period_id = $1"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(periodId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(period(rows.iterator().next())));
    }

    /** Every period of the jurisdiction, the latest first. */
    Uni<List<PeriodRow>> periodsOf(SqlClient sql, Jurisdiction jurisdiction) {
        return sql.preparedQuery("select period_id, jurisdiction, first_year, last_year, instrument, benchmark_pack,"
                        + " deadline_95, deadline_100 from compliance_period where jurisdiction = $1"
                        + " order by first_year desc, period_id")
                .execute(Tuple.of(jurisdiction.name()))
                .map(rows -> Rows.all(rows, ObligationStore::period));
    }

    private static PeriodRow period(Row row) {
        return new PeriodRow(row.getString("period_id"), Jurisdiction.valueOf(row.getString("jurisdiction")),
                row.getInteger("first_year"), row.getInteger("last_year"), row.getString("instrument"),
                row.getString("benchmark_pack"), row.getLocalDate("deadline_95"), row.getLocalDate("deadline_100"));
    }

    /** The instrument of each of the periods that exist. */
    Uni<Map<String, InstrumentCode>> instruments(SqlClient sql, Set<String> periodIds) {
        return sql.preparedQuery("select period_id, instrument from compliance_period where period_id = any($1)")
                .execute(Tuple.of(periodIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, InstrumentCode> instruments = new HashMap<>();
                    rows.forEach(row -> instruments.put(row.getString("period_id"),
                            InstrumentCode.parse(row.getString("instrument"))));
                    return instruments;
                });
    }

    /** The period's approved true-up approved last: its unit allocations are final. */
    Uni<Optional<UUID>> finalRun(SqlClient sql, String periodId) {
        return sql.preparedQuery("select run_id from allocation_run where period_id = $1 and kind = 'TRUE_UP'"
                        + " and status = 'APPROVED' order by approved_at desc limit 1")
                .execute(Tuple.of(periodId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID("run_id")));
    }

    /**
     * Per entity with verified emissions in the period or an allocation in its final run, the years it has verified
     * emissions for (none for an entity allocated that never reported).
     */
    Uni<Map<UUID, List<Integer>>> reportedYears(SqlClient sql, PeriodRow period, UUID runId) {
        return sql.preparedQuery(LATEST + " select e.party_id, coalesce(array_agg(distinct l.year order by l.year)"
                        + " filter (where l.year is not null), '{}') as years from (select party_id from latest"
                        + " union select party_id from run_entity where run_id = $4) e left join latest l"
                        + " using (party_id) group by e.party_id order by e.party_id")
                .execute(Tuple.of(period.periodId(), period.firstYear(), period.lastYear(), runId))
                .map(rows -> {
                    Map<UUID, List<Integer>> years = new LinkedHashMap<>();
                    rows.forEach(row -> years.put(row.getUUID("party_id"),
                            Arrays.asList(row.getArrayOfIntegers("years"))));
                    return years;
                });
    }

    /**
     * The units of the entities reported for every year: verified emissions summed over the years and the final
     * run's allocation summed over its data years, a unit missing from either counting zero there.
     */
    Uni<List<EntityInput>> inputs(SqlClient sql, PeriodRow period, UUID runId) {
        return sql.preparedQuery(LATEST + ", complete as (select party_id from latest group by party_id"
                        + " having count(distinct year) = $4),"
                        + " emitted as (select party_id, unit_id, sum(emissions_tonnes) as tonnes from latest"
                        + " where party_id in (select party_id from complete) group by party_id, unit_id),"
                        + " allocated as (select party_id, unit_id, min(category) as category, sum(tonnes) as tonnes"
                        + " from run_unit where run_id = $5 and party_id in (select party_id from complete)"
                        + " group by party_id, unit_id)"
                        + " select coalesce(e.party_id, a.party_id) as party_id, c.region,"
                        + " coalesce(e.unit_id, a.unit_id) as unit_id, coalesce(a.category, g.category) as category,"
                        + " coalesce(e.tonnes, 0)::bigint as emissions, coalesce(a.tonnes, 0)::bigint as allocation"
                        + " from emitted e full join allocated a on a.party_id = e.party_id and a.unit_id = e.unit_id"
                        + " join covered_entity c on c.party_id = coalesce(e.party_id, a.party_id)"
                        + " left join generating_unit g on g.unit_id = coalesce(e.unit_id, a.unit_id)"
                        + " order by 1, 3")
                .execute(Tuple.of(period.periodId(), period.firstYear(), period.lastYear(), period.years(), runId))
                .map(rows -> {
                    Map<UUID, EntityInput> entities = new LinkedHashMap<>();
                    rows.forEach(row -> entities.computeIfAbsent(row.getUUID("party_id"), party ->
                                    new EntityInput(party, row.getString("region"), new ArrayList<>()))
                            .units().add(new ObligationMethod.UnitFigures(row.getString("unit_id"),
                                    row.getString("category") == null ? null
                                            : UnitCategory.valueOf(row.getString("category")),
                                    row.getLong("emissions"), row.getLong("allocation"))));
                    return List.copyOf(entities.values());
                });
    }

    /** The entities enrolled in a pilot period, with their sector, free allocation and verified emissions. */
    Uni<List<EnrolledInput>> enrolled(SqlClient sql, String periodId) {
        return sql.preparedQuery("select party_id, region, sector, free_allocation_tonnes, verified_emissions_tonnes"
                        + " from pilot_enrolment where period_id = $1 order by party_id")
                .execute(Tuple.of(periodId))
                .map(rows -> Rows.all(rows, row -> new EnrolledInput(row.getUUID("party_id"), row.getString("region"),
                        Sector.valueOf(row.getString("sector")), row.getLong("free_allocation_tonnes"),
                        row.getLong("verified_emissions_tonnes"))));
    }

    Uni<Map<UUID, ObligationRecord>> obligations(SqlClient sql, String periodId) {
        return sql.preparedQuery("select " + COLUMNS + " from obligation where period_id = $1")
                .execute(Tuple.of(periodId))
                .map(rows -> {
                    Map<UUID, ObligationRecord> found = new LinkedHashMap<>();
                    rows.forEach(row -> found.put(row.getUUID("party_id"), record(row)));
                    return found;
                });
    }

    Uni<Optional<ObligationRecord>> obligation(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select " + COLUMNS + " from obligation where period_id = $1 and party_id = $2")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(record(rows.iterator().next())));
    }

    /** Writes a new version of each changed entity's obligation and replaces its units. */
    Uni<Void> write(SqlClient sql, String periodId, UUID runId, String setBy, Instant at,
                    List<ObligationSetting.Changed> changed) {
        List<Written> written = changed.stream().map(c -> new Written(periodId, c.computed().partyId(),
                c.computed().region(), c.computed().sector(), c.version(), runId, c.computed().figures(), setBy,
                utc(at))).toList();
        List<UnitRow> unitRows = changed.stream().flatMap(c -> c.computed().figures().units().stream()
                .map(unit -> new UnitRow(periodId, c.computed().partyId(), unit))).toList();
        UUID[] parties = written.stream().map(Written::partyId).toArray(UUID[]::new);
        return obligations.execute(sql, "insert into obligation (" + COLUMNS + ") select * from unnest($1::text[],"
                        + " $2::uuid[], $3::text[], $4::text[], $5::integer[], $6::uuid[], $7::bigint[],"
                        + " $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::text[],"
                        + " $13::timestamptz[])"
                        + " on conflict (period_id, party_id) do update set region = excluded.region,"
                        + " sector = excluded.sector,"
                        + " version = excluded.version, run_id = excluded.run_id,"
                        + " verified_emissions_tonnes = excluded.verified_emissions_tonnes,"
                        + " allocation_tonnes = excluded.allocation_tonnes,"
                        + " obligation_tonnes = excluded.obligation_tonnes,"
                        + " offset_limit_tonnes = excluded.offset_limit_tonnes,"
                        + " borrowing_limit_tonnes = excluded.borrowing_limit_tonnes, set_by = excluded.set_by,"
                        + " set_at = excluded.set_at", written)
                .chain(() -> sql.preparedQuery("delete from obligation_unit where period_id = $1"
                        + " and party_id = any($2)").execute(Tuple.of(periodId, parties)))
                .chain(() -> units.execute(sql, "insert into obligation_unit (period_id, party_id, unit_id, category,"
                        + " emissions_tonnes, allocation_tonnes, obligation_tonnes) select * from unnest($1::text[],"
                        + " $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[])", unitRows));
    }

    Uni<List<ObligationMethod.UnitObligation>> units(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select unit_id, category, emissions_tonnes, allocation_tonnes, obligation_tonnes"
                        + " from obligation_unit where period_id = $1 and party_id = $2 order by unit_id")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> {
                    List<ObligationMethod.UnitObligation> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(new ObligationMethod.UnitObligation(row.getString("unit_id"),
                            row.getString("category") == null ? null : UnitCategory.valueOf(row.getString("category")),
                            row.getLong("emissions_tonnes"), row.getLong("allocation_tonnes"),
                            row.getLong("obligation_tonnes"))));
                    return found;
                });
    }

    private static ObligationRecord record(Row row) {
        return new ObligationRecord(row.getString("period_id"), row.getUUID("party_id"), row.getString("region"),
                Sector.valueOf(row.getString("sector")), row.getInteger("version"), row.getUUID("run_id"),
                row.getLong("verified_emissions_tonnes"), row.getLong("allocation_tonnes"),
                row.getLong("obligation_tonnes"), row.getLong("offset_limit_tonnes"),
                row.getLong("borrowing_limit_tonnes"), row.getString("set_by"),
                row.getOffsetDateTime("set_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
