package cn.carbonmarket.settlement.cash;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A withdrawal and where it stands: PENDING (cash held), PAID or REJECTED (cash back). */
public record WithdrawalView(UUID withdrawalId, String partyId, long amountFen, String status,
                             OffsetDateTime requestedAt, String bankReference, String reason,
                             OffsetDateTime decidedAt) {
}
