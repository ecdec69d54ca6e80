package cn.carbonmarket.allocation.auction;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An auction the regulator schedules in a period's calendar: its volume in lots of the pack's lot size and its bid
 * window; the bidder cap share and the eligible party types default to the period's pack.
 */
public record AuctionRequest(
        @Schema(examples = "500") @NotNull Long volumeLots,
        @Schema(examples = "2027-03-10T02:00:00Z") @NotNull Instant opensAt,
        @Schema(examples = "2027-03-10T04:00:00Z") @NotNull Instant closesAt,
        @Schema(examples = "0.25", description = "share of the volume one bidder may buy; the pack's by default")
        BigDecimal bidderCapShare,
        @Schema(examples = "[\"COMPLIANCE_ENTITY\", \"INSTITUTION\"]",
                description = "party types admitted to bid; the pack's by default") List<String> eligibleTypes) {
}
