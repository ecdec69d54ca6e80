package cn.carbonmarket.settlement.units;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Units a party took out of trading: off its position when released, at the registry once it books them. An
 * auctioneer's unsold units carry the auction's release id and the national account they go to.
 */
public record UnitWithdrawalView(
        @Schema(description = "a UUID, or an auction's release id", examples = "CN-2025-A01-ECR_WITHHELD")
        String withdrawalId, String partyId, String instrument, long quantity,
        @Schema(description = "null: back to the party's AVAILABLE holding; else the national account",
                examples = "STABILITY_RESERVE-CN") String destination,
        OffsetDateTime releasedAt) {
}
