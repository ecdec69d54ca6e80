package cn.carbonmarket.settlement.units;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Units a party took out of trading: off its position when released, at the registry once it books them. */
public record UnitWithdrawalView(UUID withdrawalId, String partyId, String instrument, long quantity,
                                 OffsetDateTime releasedAt) {

    static UnitWithdrawalView of(Row r) {
        return new UnitWithdrawalView(r.getUUID("id"), r.getUUID("party_id").toString(), r.getString("instrument"),
                r.getLong("quantity"), r.getOffsetDateTime("released_at"));
    }
}
