package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Obligations (surrender_obligation) and the surrenders booked against them (surrender). */
@ApplicationScoped
class SurrenderStore {

    private static final String OBLIGATION_COLUMNS = "select period_id, party_id, instrument, version,"
            + " verified_emissions_tonnes, obligation_tonnes, offset_limit_tonnes, borrowing_limit_tonnes, set_at,"
            + " sector, offset_products, offset_local_region, offset_min_local_share_bp, offset_excluded_types"
            + " from surrender_obligation where period_id = $1 and party_id = $2";

    /** One surrender as recorded, with its transaction's id. */
    record Recorded(String surrenderId, UUID transactionId, ByKind tonnes, Instant surrenderedAt) {
    }

    /** Keeps {@code obligation} unless a version as high or higher is kept already; true when it was kept. */
    Uni<Boolean> set(SqlConnection conn, SurrenderObligation obligation) {
        OffsetRules offsets = obligation.offsets();
        return conn.preparedQuery("insert into surrender_obligation (period_id, party_id, instrument, version,"
                        + " verified_emissions_tonnes, obligation_tonnes, offset_limit_tonnes, borrowing_limit_tonnes,"
                        + " set_at, jurisdiction, sector, offset_products, offset_local_region,"
                        + " offset_min_local_share_bp, offset_excluded_types) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                        + " $9, $10, $11, $12, $13, $14, $15) on conflict (period_id, party_id) do"
                        + " update set instrument = excluded.instrument, version = excluded.version,"
                        + " verified_emissions_tonnes = excluded.verified_emissions_tonnes,"
                        + " obligation_tonnes = excluded.obligation_tonnes,"
                        + " offset_limit_tonnes = excluded.offset_limit_tonnes,"
                        + " borrowing_limit_tonnes = excluded.borrowing_limit_tonnes, set_at = excluded.set_at,"
                        + " jurisdiction = excluded.jurisdiction, sector = excluded.sector,"
                        + " offset_products = excluded.offset_products,"
                        + " offset_local_region = excluded.offset_local_region,"
                        + " offset_min_local_share_bp = excluded.offset_min_local_share_bp,"
                        + " offset_excluded_types = excluded.offset_excluded_types"
                        + " where surrender_obligation.version < excluded.version")
                .execute(Tuple.from(new Object[] {obligation.periodId(), obligation.partyId().value(),
                        obligation.instrument().toString(), obligation.version(),
                        obligation.verifiedEmissionsTonnes(), obligation.obligationTonnes(),
                        obligation.offsetLimitTonnes(), obligation.borrowingLimitTonnes(),
                        obligation.setAt().atOffset(ZoneOffset.UTC), obligation.jurisdiction().name(),
                        obligation.sector() == null ? null : obligation.sector().name(),
                        offsets.products().stream().map(Enum::name).toArray(String[]::new),
                        offsets.localRegion() == null ? null : offsets.localRegion().name(),
                        offsets.minLocalShareBasisPoints(),
                        offsets.excludedTypes().stream().map(Enum::name).sorted().toArray(String[]::new)}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The obligation, locked until the caller's transaction ends; null when none is known. */
    Uni<SurrenderObligation> lock(SqlConnection conn, String periodId, PartyId party) {
        return obligation(conn, OBLIGATION_COLUMNS + " for update", periodId, party);
    }

    /** The obligation, null when none is known. */
    Uni<SurrenderObligation> find(SqlConnection conn, String periodId, PartyId party) {
        return obligation(conn, OBLIGATION_COLUMNS, periodId, party);
    }

    private static Uni<SurrenderObligation> obligation(SqlConnection conn, String query, String periodId,
                                                       PartyId party) {
        return conn.preparedQuery(query).execute(Tuple.of(periodId, party.value())).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            return new SurrenderObligation(r.getString("period_id"), new PartyId(r.getUUID("party_id")),
                    InstrumentCode.parse(r.getString("instrument")), r.getInteger("version"),
                    r.getLong("verified_emissions_tonnes"), r.getLong("obligation_tonnes"),
                    r.getLong("offset_limit_tonnes"), r.getLong("borrowing_limit_tonnes"),
                    r.getOffsetDateTime("set_at").toInstant(),
                    r.getString("sector") == null ? null : Sector.parse(r.getString("sector")), offsets(r));
        });
    }

    private static OffsetRules offsets(Row r) {
        String local = r.getString("offset_local_region");
        return new OffsetRules(Arrays.stream(r.getArrayOfStrings("offset_products")).map(Product::fromCode).toList(),
                local == null ? null : Region.parse(local), r.getInteger("offset_min_local_share_bp"),
                Arrays.stream(r.getArrayOfStrings("offset_excluded_types")).map(ProjectType::parse)
                        .collect(Collectors.toSet()));
    }

    /** Whether the party recorded a surrender under this id already. */
    Uni<Boolean> recorded(SqlConnection conn, PartyId party, String surrenderId) {
        return conn.preparedQuery("select 1 from surrender where party_id = $1 and surrender_id = $2")
                .execute(Tuple.of(party.value(), surrenderId))
                .map(rows -> rows.size() > 0);
    }

    /** Written in the surrender's booking transaction. */
    Uni<Void> record(SqlConnection conn, PartyId party, String periodId, Recorded surrender) {
        return conn.preparedQuery("insert into surrender (party_id, surrender_id, period_id, transaction_id,"
                        + " allowance_tonnes, borrowed_tonnes, offset_tonnes, non_local_offset_tonnes, surrendered_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {party.value(), surrender.surrenderId(), periodId,
                        surrender.transactionId(), surrender.tonnes().allowances(), surrender.tonnes().borrowed(),
                        surrender.tonnes().offsets(), surrender.tonnes().nonLocalOffsets(),
                        surrender.surrenderedAt().atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    /** The surrenders against an obligation, oldest first. */
    Uni<List<Recorded>> of(SqlConnection conn, String periodId, PartyId party) {
        return conn.preparedQuery("select surrender_id, transaction_id, allowance_tonnes, borrowed_tonnes,"
                        + " offset_tonnes, non_local_offset_tonnes, surrendered_at from surrender"
                        + " where period_id = $1 and party_id = $2"
                        + " order by surrendered_at, surrender_id")
                .execute(Tuple.of(periodId, party.value()))
                .map(rows -> {
                    List<Recorded> surrenders = new ArrayList<>(rows.size());
                    rows.forEach(r -> surrenders.add(new Recorded(r.getString("surrender_id"),
                            r.getUUID("transaction_id"), new ByKind(r.getLong("allowance_tonnes"),
                            r.getLong("borrowed_tonnes"), r.getLong("offset_tonnes"),
                            r.getLong("non_local_offset_tonnes")),
                            r.getOffsetDateTime("surrendered_at").toInstant())));
                    return surrenders;
                });
    }

    /** What was surrendered against an obligation so far, per kind. */
    Uni<ByKind> surrendered(SqlConnection conn, String periodId, PartyId party) {
        return of(conn, periodId, party).map(SurrenderStore::total);
    }

    static ByKind total(List<Recorded> surrenders) {
        return surrenders.stream().map(Recorded::tonnes).reduce(ByKind.NONE, ByKind::plus);
    }
}
