package cn.carbonmarket.settlement.units;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Units a party took out of trading: off its position when released, at the registry once it books them. */
public record UnitWithdrawalView(UUID withdrawalId, String partyId, String instrument, long quantity,
                                 OffsetDateTime releasedAt) {
}
