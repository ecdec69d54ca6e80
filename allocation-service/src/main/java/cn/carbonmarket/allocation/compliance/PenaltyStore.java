package cn.carbonmarket.allocation.compliance;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All SQL of penalties and of the shortfalls to deduct from the next period's allocation. */
@ApplicationScoped
public class PenaltyStore {

    private static final String COLUMNS = "period_id, party_id, shortfall_tonnes, factor::text as factor, price_fen,"
            + " prices_from, prices_to, trading_days, amount_fen, decided_by, decided_at";

    Uni<Optional<PenaltyView>> find(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select " + COLUMNS + " from penalty where period_id = $1 and party_id = $2")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /** The penalty and the shortfall to deduct from the entity's next allocation, in the caller's transaction. */
    Uni<Void> insert(SqlClient sql, PenaltyView penalty) {
        return sql.preparedQuery("insert into penalty (period_id, party_id, shortfall_tonnes, factor, price_fen,"
                        + " prices_from, prices_to, trading_days, amount_fen, decided_by, decided_at) values ($1, $2,"
                        + " $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.tuple(List.of(penalty.periodId(), UUID.fromString(penalty.partyId()),
                        penalty.shortfallTonnes(), penalty.factor(), penalty.priceFen(),
                        penalty.pricesFrom(), penalty.pricesTo(), penalty.tradingDays(), penalty.amountFen(),
                        penalty.decidedBy(), penalty.decidedAt().atOffset(ZoneOffset.UTC))))
                .chain(() -> sql.preparedQuery("insert into allocation_deduction (period_id, party_id, tonnes,"
                                + " recorded_at) values ($1, $2, $3, $4) on conflict do nothing")
                        .execute(Tuple.of(penalty.periodId(), UUID.fromString(penalty.partyId()),
                                penalty.shortfallTonnes(), penalty.decidedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static PenaltyView view(Row row) {
        return new PenaltyView(row.getString("period_id"), row.getUUID("party_id").toString(),
                row.getLong("shortfall_tonnes"), new BigDecimal(row.getString("factor")),
                row.getLong("price_fen"), row.getLocalDate("prices_from"), row.getLocalDate("prices_to"),
                row.getInteger("trading_days"), row.getLong("amount_fen"), row.getString("decided_by"),
                row.getOffsetDateTime("decided_at").toInstant());
    }
}
