package cn.carbonmarket.settlement.cash;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A withdrawal and where it stands: PENDING (cash held), PAID or REJECTED (cash back). */
public record WithdrawalView(UUID withdrawalId, String partyId, long amountFen, String status,
                             OffsetDateTime requestedAt, String bankReference, String reason,
                             OffsetDateTime decidedAt) {

    static WithdrawalView of(Row r) {
        return new WithdrawalView(r.getUUID("id"), r.getUUID("party_id").toString(), r.getLong("amount_fen"),
                r.getString("status"), r.getOffsetDateTime("requested_at"), r.getString("bank_reference"),
                r.getString("reason"), r.getOffsetDateTime("decided_at"));
    }
}
