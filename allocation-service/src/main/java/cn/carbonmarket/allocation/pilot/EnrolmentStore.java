package cn.carbonmarket.allocation.pilot;

import cn.carbonmarket.allocation.period.PeriodStatus;
import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All SQL of pilot enrolments, and what they are checked against: the period, the covered entity, its coverage. */
@ApplicationScoped
public class EnrolmentStore {

    private static final String COLUMNS = "e.period_id, e.party_id, e.region, e.sector, e.free_allocation_tonnes,"
            + " e.verified_emissions_tonnes, e.instructions, e.enrolled_by, e.enrolled_at, e.updated_by, e.updated_at,"
            + " c.name";

    /** An enrolment with its covered entity's name. */
    record Named(Enrolment enrolment, String name) {
    }

    /** A covered entity as an enrolment names it. */
    record Entity(UUID partyId, String name, Region region) {
    }

    /** The period, locked for the caller's transaction where {@code forUpdate}: enrolments of one period take turns. */
    Uni<Optional<PilotPeriod>> period(SqlClient sql, String periodId, boolean forUpdate) {
        return sql.preparedQuery("select period_id, jurisdiction, instrument, benchmark_pack, status"
                        + " from compliance_period where period_id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(periodId))
                .map(rows -> Rows.first(rows, row -> new PilotPeriod(row.getString("period_id"),
                        Jurisdiction.valueOf(row.getString("jurisdiction")),
                        InstrumentCode.parse(row.getString("instrument")), row.getString("benchmark_pack"),
                        PeriodStatus.valueOf(row.getString("status")))));
    }

    Uni<Optional<Entity>> entity(SqlClient sql, UUID partyId) {
        return sql.preparedQuery("select party_id, name, region from covered_entity where party_id = $1")
                .execute(Tuple.of(partyId))
                .map(rows -> Rows.first(rows, row -> new Entity(row.getUUID("party_id"), row.getString("name"),
                        Region.valueOf(row.getString("region")))));
    }

    /**
     * What makes the national market cover the entity for the sector: its obligations of national periods for that
     * sector, and for the power sector its generating units (the units the national market allocates to).
     */
    Uni<List<String>> nationalCoverage(SqlClient sql, UUID partyId, Sector sector, Jurisdiction national,
                                       Sector unitsSector) {
        return sql.preparedQuery("select 'obligation of ' || o.period_id as cover from obligation o"
                        + " join compliance_period p on p.period_id = o.period_id where o.party_id = $1"
                        + " and p.jurisdiction = $3 and o.sector = $2"
                        + " union all select 'generating unit ' || u.unit_id from generating_unit u"
                        + " where u.party_id = $1 and $2 = $4 order by 1")
                .execute(Tuple.of(partyId, sector.name(), national.name(), unitsSector.name()))
                .map(rows -> Rows.all(rows, row -> row.getString("cover")));
    }

    Uni<Optional<Named>> find(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select " + COLUMNS + " from pilot_enrolment e join covered_entity c"
                        + " on c.party_id = e.party_id where e.period_id = $1 and e.party_id = $2")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> Rows.first(rows, EnrolmentStore::named));
    }

    Uni<List<Named>> list(SqlClient sql, String periodId) {
        return sql.preparedQuery("select " + COLUMNS + " from pilot_enrolment e join covered_entity c"
                        + " on c.party_id = e.party_id where e.period_id = $1 order by e.region, e.party_id")
                .execute(Tuple.of(periodId))
                .map(rows -> Rows.all(rows, EnrolmentStore::named));
    }

    /** Writes the enrolment as it now stands, new or changed. */
    Uni<Void> save(SqlClient sql, Enrolment e) {
        return sql.preparedQuery("insert into pilot_enrolment (period_id, party_id, region, sector,"
                        + " free_allocation_tonnes, verified_emissions_tonnes, instructions, enrolled_by, enrolled_at,"
                        + " updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                        + " on conflict (period_id, party_id) do update set region = excluded.region,"
                        + " sector = excluded.sector, free_allocation_tonnes = excluded.free_allocation_tonnes,"
                        + " verified_emissions_tonnes = excluded.verified_emissions_tonnes,"
                        + " instructions = excluded.instructions, updated_by = excluded.updated_by,"
                        + " updated_at = excluded.updated_at")
                .execute(Tuple.tuple(Arrays.asList(e.periodId(), e.partyId(), e.region(), e.sector().name(),
                        e.freeAllocationTonnes(), e.verifiedEmissionsTonnes(), e.instructions(), e.enrolledBy(),
                        e.enrolledAt().atOffset(ZoneOffset.UTC), e.updatedBy(),
                        e.updatedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static Named named(Row row) {
        return new Named(new Enrolment(row.getString("period_id"), row.getUUID("party_id"), row.getString("region"),
                Sector.valueOf(row.getString("sector")), row.getLong("free_allocation_tonnes"),
                row.getLong("verified_emissions_tonnes"), row.getInteger("instructions"), row.getString("enrolled_by"),
                instant(row, "enrolled_at"), row.getString("updated_by"), instant(row, "updated_at")),
                row.getString("name"));
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }
}
