package cn.carbonmarket.allocation.run;

import static cn.carbonmarket.platform.sql.Rows.all;
import static cn.carbonmarket.platform.sql.Rows.first;

import cn.carbonmarket.allocation.benchmark.Cooling;
import cn.carbonmarket.allocation.benchmark.GeneratingUnit;
import cn.carbonmarket.allocation.benchmark.ProductionData;
import cn.carbonmarket.allocation.benchmark.UnitCategory;
import cn.carbonmarket.allocation.period.PeriodStatus;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** All SQL of allocation runs: their inputs, the runs with their unit and entity rows, and the review figures. */
@ApplicationScoped
public class AllocationRunStore {

    private static final String RUN_COLUMNS = "run_id, period_id, kind, data_years, benchmark_pack, instrument,"
            + " inputs_hash, status, units, entities, total_tonnes, computed_by, computed_at, approved_by,"
            + " approved_at";

    /** Decimals travel as text: the client does not encode a BigDecimal array. */
    private final ColumnBatch<ComputedRun.UnitRow> unitRows = new ColumnBatch<ComputedRun.UnitRow>()
            .column(String.class, row -> row.input().unit().unitId())
            .column(Integer.class, row -> row.input().year())
            .column(UUID.class, row -> row.input().partyId())
            .column(String.class, row -> row.input().unit().category().name())
            .column(Long.class, row -> row.input().data().electricitySuppliedMwh())
            .column(Long.class, row -> row.input().data().heatSuppliedGj())
            .column(String.class, row -> row.input().data().loadFactor().toPlainString())
            .column(String.class, row -> row.input().data().heatSupplyRatio().toPlainString())
            .column(String.class, row -> row.allocation().coolingFactor().stripTrailingZeros().toPlainString())
            .column(String.class, row -> row.allocation().heatSupplyFactor().stripTrailingZeros().toPlainString())
            .column(String.class, row -> row.allocation().loadFactorFactor().stripTrailingZeros().toPlainString())
            .column(Long.class, row -> row.allocation().tonnes());

    private final ColumnBatch<ComputedRun.EntityRow> entityRows = new ColumnBatch<ComputedRun.EntityRow>()
            .column(UUID.class, ComputedRun.EntityRow::partyId)
            .column(String.class, row -> row.region().name())
            .column(Integer.class, ComputedRun.EntityRow::units)
            .column(Long.class, ComputedRun.EntityRow::computedTonnes)
            .column(Long.class, ComputedRun.EntityRow::deductedTonnes)
            .column(Long.class, ComputedRun.EntityRow::allocatedTonnes)
            .column(Long.class, ComputedRun.EntityRow::previousTonnes)
            .column(Long.class, ComputedRun.EntityRow::deltaTonnes);

    /** The period's terms, locked for the caller's transaction: a period's runs are computed and approved in turn. */
    Uni<Optional<PeriodTermsRow>> lockPeriod(SqlClient sql, String periodId) {
        return sql.preparedQuery("select period_id, status, first_year, last_year, instrument, benchmark_pack"
                        + " from compliance_period where period_id = $1 for update")
                .execute(Tuple.of(periodId))
                .map(rows -> first(rows, row -> new PeriodTermsRow(row.getString("period_id"),
                        PeriodStatus.valueOf(row.getString("status")), row.getInteger("first_year"),
                        row.getInteger("last_year"), row.getString("instrument"), row.getString("benchmark_pack"))));
    }

    /**
     * Every registered unit of a covered entity, once per year asked for, with that year's activity data (only
     * verified data where {@code verifiedOnly}); null data where there is none.
     */
    Uni<List<RunInput>> inputs(SqlClient sql, List<Integer> years, boolean verifiedOnly) {
        return sql.preparedQuery("select u.unit_id, u.party_id, e.region, u.category, u.capacity_mw, u.cooling,"
                        + " u.combined_heat_and_power, y.year, a.electricity_supplied_mwh, a.heat_supplied_gj,"
                        + " a.load_factor::text as load_factor, a.heat_supply_ratio::text as heat_supply_ratio"
                        + " from generating_unit u join covered_entity e on e.party_id = u.party_id"
                        + " cross join unnest($1::integer[]) as y(year)"
                        + " left join activity_data a on a.unit_id = u.unit_id and a.year = y.year"
                        + " and (a.verified or not $2)")
                .execute(Tuple.of(years.toArray(Integer[]::new), verifiedOnly))
                .map(rows -> {
                    List<RunInput> inputs = new ArrayList<>(rows.size());
                    rows.forEach(row -> inputs.add(input(row)));
                    return inputs;
                });
    }

    private static RunInput input(Row row) {
        GeneratingUnit unit = new GeneratingUnit(row.getString("unit_id"),
                UnitCategory.valueOf(row.getString("category")), row.getLong("capacity_mw"),
                Cooling.valueOf(row.getString("cooling")), row.getBoolean("combined_heat_and_power"));
        ProductionData data = row.getLong("electricity_supplied_mwh") == null ? null
                : new ProductionData(row.getLong("electricity_supplied_mwh"), row.getLong("heat_supplied_gj"),
                        new BigDecimal(row.getString("load_factor")),
                        new BigDecimal(row.getString("heat_supply_ratio")));
        return new RunInput(row.getUUID("party_id"), Region.valueOf(row.getString("region")), unit,
                row.getInteger("year"), data);
    }

    /** What the period's approved runs allocated each entity so far, from their instructions. */
    Uni<List<PriorAllocation>> prior(SqlClient sql, String periodId) {
        return sql.preparedQuery("select party_id, min(region) as region, sum(case when reason = 'CLAW_BACK'"
                        + " then -tonnes else tonnes end) as tonnes from issuance_instruction where period_id = $1"
                        + " group by party_id")
                .execute(Tuple.of(periodId))
                .map(rows -> {
                    List<PriorAllocation> prior = new ArrayList<>(rows.size());
                    rows.forEach(row -> prior.add(new PriorAllocation(row.getUUID("party_id"),
                            Region.valueOf(row.getString("region")), row.getLong("tonnes"))));
                    return prior;
                });
    }

    /**
     * Per entity, the shortfalls recorded for deduction in the jurisdiction's previous period (the one whose last
     * year is the year before this period's first).
     */
    Uni<Map<UUID, Long>> deductions(SqlClient sql, String periodId) {
        return sql.preparedQuery("select d.party_id, sum(d.tonnes) as tonnes from allocation_deduction d"
                        + " join compliance_period q on q.period_id = d.period_id"
                        + " join compliance_period p on p.period_id = $1"
                        + " where q.jurisdiction = p.jurisdiction and q.last_year + 1 = p.first_year"
                        + " group by d.party_id")
                .execute(Tuple.of(periodId))
                .map(rows -> {
                    Map<UUID, Long> deductions = new HashMap<>();
                    rows.forEach(row -> deductions.put(row.getUUID("party_id"), row.getLong("tonnes")));
                    return deductions;
                });
    }

    /** Whether a run of the period of the given kind was approved (after {@code since}, when given). */
    Uni<Boolean> approvedRunExists(SqlClient sql, String periodId, RunKind kind, Instant since) {
        return sql.preparedQuery("select exists (select 1 from allocation_run where period_id = $1 and status ="
                        + " 'APPROVED' and ($2::text is null or kind = $2) and ($3::timestamptz is null"
                        + " or approved_at > $3))")
                .execute(Tuple.of(periodId, kind == null ? null : kind.name(), utc(since)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    Uni<Void> insert(SqlClient sql, RunRecord run, ComputedRun computed) {
        return sql.preparedQuery("insert into allocation_run (" + RUN_COLUMNS + ") values ($1, $2, $3, $4, $5, $6,"
                        + " $7, $8, $9, $10, $11, $12, $13, null, null)")
                .execute(Tuple.tuple(List.of(run.runId(), run.periodId(), run.kind().name(),
                        run.dataYears().toArray(Integer[]::new), run.benchmarkPack(), run.instrument(),
                        run.inputsHash(), run.status().name(), run.units(), run.entities(), run.totalTonnes(),
                        run.computedBy(), utc(run.computedAt()))))
                .chain(() -> unitRows.execute(sql, "insert into run_unit (run_id, unit_id, data_year, party_id,"
                        + " category, electricity_supplied_mwh, heat_supplied_gj, load_factor, heat_supply_ratio,"
                        + " cooling_factor, heat_supply_factor, load_factor_factor, tonnes) select '" + run.runId()
                        + "', u, y, p, c, e, h, lf::numeric, hr::numeric, cf::numeric, hf::numeric, lff::numeric, t"
                        + " from unnest($1::text[], $2::integer[], $3::uuid[], $4::text[], $5::bigint[],"
                        + " $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],"
                        + " $12::bigint[]) as r(u, y, p, c, e, h, lf, hr, cf, hf, lff, t)", computed.units()))
                .chain(() -> entityRows.execute(sql, "insert into run_entity (run_id, party_id, region, units,"
                        + " computed_tonnes, deducted_tonnes, allocated_tonnes, previous_tonnes, delta_tonnes) select '"
                        + run.runId() + "', * from unnest($1::uuid[], $2::text[], $3::integer[], $4::bigint[],"
                        + " $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])", computed.entities()));
    }

    Uni<Optional<RunRecord>> find(SqlClient sql, UUID runId, boolean forUpdate) {
        return sql.preparedQuery("select " + RUN_COLUMNS + " from allocation_run where run_id = $1"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(runId))
                .map(rows -> first(rows, AllocationRunStore::run));
    }

    Uni<List<RunRecord>> ofPeriod(SqlClient sql, String periodId) {
        return sql.preparedQuery("select " + RUN_COLUMNS + " from allocation_run where period_id = $1"
                        + " order by computed_at desc")
                .execute(Tuple.of(periodId))
                .map(rows -> all(rows, AllocationRunStore::run));
    }

    /** The run approved last (before {@code before}, when given) in the same period: what a review compares with. */
    Uni<Optional<RunRecord>> lastApprovedBefore(SqlClient sql, String periodId, Instant before) {
        return sql.preparedQuery("select " + RUN_COLUMNS + " from allocation_run where period_id = $1 and status ="
                        + " 'APPROVED' and ($2::timestamptz is null or approved_at < $2)"
                        + " order by approved_at desc limit 1")
                .execute(Tuple.of(periodId, utc(before)))
                .map(rows -> first(rows, AllocationRunStore::run));
    }

    Uni<Void> approve(SqlClient sql, UUID runId, String regulator, Instant at) {
        return sql.preparedQuery("update allocation_run set status = 'APPROVED', approved_by = $2, approved_at = $3"
                        + " where run_id = $1 and status = 'DRAFT'")
                .execute(Tuple.of(runId, regulator, utc(at))).replaceWithVoid();
    }

    /** A run's entities, units and tonnes per region. */
    Uni<List<RunView.Total>> totalsByRegion(SqlClient sql, UUID runId) {
        return sql.preparedQuery("select region as key, count(*) as entities, sum(units) as units,"
                        + " sum(allocated_tonnes) as tonnes from run_entity where run_id = $1 group by region"
                        + " order by region")
                .execute(Tuple.of(runId))
                .map(rows -> all(rows, AllocationRunStore::total));
    }

    /** A run's entities, units and tonnes per unit category (the power sector's benchmark classes). */
    Uni<List<RunView.Total>> totalsByCategory(SqlClient sql, UUID runId) {
        return sql.preparedQuery("select category as key, count(distinct party_id) as entities,"
                        + " count(distinct unit_id) as units, sum(tonnes) as tonnes from run_unit where run_id = $1"
                        + " group by category order by category")
                .execute(Tuple.of(runId))
                .map(rows -> all(rows, AllocationRunStore::total));
    }

    /** Entity rows of a run, within one region when given, with each entity's allocation in {@code compareWith}. */
    Uni<List<EntityAllocationView>> entities(SqlClient sql, UUID runId, Region region, UUID compareWith) {
        return sql.preparedQuery("select r.party_id, r.region, c.name, r.units, r.computed_tonnes,"
                        + " r.deducted_tonnes, r.allocated_tonnes, r.previous_tonnes, r.delta_tonnes,"
                        + " p.allocated_tonnes as last_run"
                        + " from run_entity r left join covered_entity c on c.party_id = r.party_id"
                        + " left join run_entity p on p.run_id = $3 and p.party_id = r.party_id"
                        + " where r.run_id = $1 and ($2::text is null or r.region = $2) order by r.region, c.name,"
                        + " r.party_id")
                .execute(Tuple.of(runId, region == null ? null : region.name(), compareWith))
                .map(rows -> all(rows, row -> new EntityAllocationView(row.getUUID("party_id").toString(),
                        row.getString("name"), row.getString("region"), row.getInteger("units"),
                        row.getLong("computed_tonnes"), row.getLong("deducted_tonnes"),
                        row.getLong("allocated_tonnes"),
                        row.getLong("previous_tonnes"), row.getLong("delta_tonnes"), row.getLong("last_run"))));
    }

    /** Unit rows of one entity in a run. */
    Uni<List<UnitAllocationView>> units(SqlClient sql, UUID runId, UUID partyId) {
        return sql.preparedQuery("select unit_id, data_year, category, electricity_supplied_mwh, heat_supplied_gj,"
                        + " load_factor::text as load_factor, heat_supply_ratio::text as heat_supply_ratio,"
                        + " cooling_factor::text as cooling_factor, heat_supply_factor::text as heat_supply_factor,"
                        + " load_factor_factor::text as load_factor_factor, tonnes from run_unit"
                        + " where run_id = $1 and party_id = $2 order by unit_id, data_year")
                .execute(Tuple.of(runId, partyId))
                .map(rows -> all(rows, row -> new UnitAllocationView(row.getString("unit_id"),
                        row.getInteger("data_year"), row.getString("category"),
                        row.getLong("electricity_supplied_mwh"), row.getLong("heat_supplied_gj"),
                        row.getString("load_factor"), row.getString("heat_supply_ratio"),
                        row.getString("cooling_factor"), row.getString("heat_supply_factor"),
                        row.getString("load_factor_factor"), row.getLong("tonnes"))));
    }

    /** The region of an entity in a run, if the run allocated it. */
    Uni<Optional<Region>> regionIn(SqlClient sql, UUID runId, UUID partyId) {
        return sql.preparedQuery("select region from run_entity where run_id = $1 and party_id = $2")
                .execute(Tuple.of(runId, partyId))
                .map(rows -> first(rows, row -> Region.valueOf(row.getString("region"))));
    }

    private static RunView.Total total(Row row) {
        return new RunView.Total(row.getString("key"), row.getLong("entities").intValue(),
                row.getLong("units").intValue(), row.getLong("tonnes"));
    }

    private static RunRecord run(Row row) {
        OffsetDateTime approvedAt = row.getOffsetDateTime("approved_at");
        return new RunRecord(row.getUUID("run_id"), row.getString("period_id"), RunKind.valueOf(row.getString("kind")),
                Arrays.asList(row.getArrayOfIntegers("data_years")), row.getString("benchmark_pack"),
                row.getString("instrument"), row.getString("inputs_hash"), RunStatus.valueOf(row.getString("status")),
                row.getInteger("units"), row.getInteger("entities"), row.getLong("total_tonnes"),
                row.getString("computed_by"), row.getOffsetDateTime("computed_at").toInstant(),
                row.getString("approved_by"), approvedAt == null ? null : approvedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
