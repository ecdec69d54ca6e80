package cn.carbonmarket.settlement.auction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bidder sets collateral aside for an auction of one instrument. */
public record CollateralRequest(
        @Schema(examples = "AUC-CEA-2025-0612") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String auctionId,
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank String partyId,
        @Schema(examples = "CEA-2025") @NotBlank String instrument,
        @Schema(description = "fen (CNY 0.01): at least the bid's value plus its fee", examples = "6000000")
        @NotNull @Positive Long amountFen) {
}
