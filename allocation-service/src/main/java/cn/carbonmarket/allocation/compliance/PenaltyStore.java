package cn.carbonmarket.allocation.compliance;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** All SQL of penalties and of the tonnes to deduct from the next period's allocation. */
@ApplicationScoped
public class PenaltyStore {

    private static final String COLUMNS = "period_id, party_id, method, shortfall_tonnes, factor::text as factor,"
            + " price_fen, prices_from, prices_to, trading_days, amount_fen, capped, deducted_tonnes, decided_by,"
            + " decided_at";

    Uni<Optional<PenaltyView>> find(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select " + COLUMNS + " from penalty where period_id = $1 and party_id = $2")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /**
     * The penalty and, where its pack deducts any, the tonnes to deduct from the entity's next allocation, in the
     * caller's transaction.
     */
    Uni<Void> insert(SqlClient sql, PenaltyView penalty) {
        Uni<Void> inserted = sql.preparedQuery("insert into penalty (period_id, party_id, method, shortfall_tonnes,"
                        + " factor, price_fen, prices_from, prices_to, trading_days, amount_fen, capped,"
                        + " deducted_tonnes, decided_by, decided_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                        + " $11, $12, $13, $14)")
                .execute(Tuple.tuple(Arrays.asList(penalty.periodId(), UUID.fromString(penalty.partyId()),
                        penalty.method(), penalty.shortfallTonnes(), penalty.factor(), penalty.priceFen(),
                        penalty.pricesFrom(), penalty.pricesTo(), penalty.tradingDays(), penalty.amountFen(),
                        penalty.capped(), penalty.deductedTonnes(), penalty.decidedBy(),
                        penalty.decidedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
        return penalty.deductedTonnes() == 0 ? inserted : inserted.chain(() -> sql.preparedQuery("insert into"
                        + " allocation_deduction (period_id, party_id, tonnes, recorded_at) values ($1, $2, $3, $4)"
                        + " on conflict do nothing")
                .execute(Tuple.of(penalty.periodId(), UUID.fromString(penalty.partyId()), penalty.deductedTonnes(),
                        penalty.decidedAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid());
    }

    private static PenaltyView view(Row row) {
        String factor = row.getString("factor");
        return new PenaltyView(row.getString("period_id"), row.getUUID("party_id").toString(),
                row.getString("method"), row.getLong("shortfall_tonnes"),
                factor == null ? null : new BigDecimal(factor), row.getLong("price_fen"),
                row.getLocalDate("prices_from"), row.getLocalDate("prices_to"), row.getInteger("trading_days"),
                row.getLong("amount_fen"), row.getBoolean("capped"), row.getLong("deducted_tonnes"),
                row.getString("decided_by"), row.getOffsetDateTime("decided_at").toInstant());
    }
}
