package cn.carbonmarket.trading.auction;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sealed bid as a participant places it; the bidder is the caller's party, from its token. */
public record BidEntry(
        @Schema(description = "fen per tonne, at least the reserve price", examples = "9800") @NotNull @Positive
        Long priceFen,
        @Schema(description = "tonnes in whole lots of the auction, at most what it offers", examples = "50000")
        @NotNull @Positive Long quantity) {
}
