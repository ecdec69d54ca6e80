package cn.carbonmarket.trading.block;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A block offer as a participant posts it; the poster is the caller's party, from its token. */
public record BlockOfferEntry(
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 16) String instrument,
        @Schema(description = "BUY: the poster buys from whoever accepts; SELL: it sells", examples = "SELL")
        @NotNull OfferSide side,
        @Schema(description = "whole tonnes, at least the block threshold", examples = "150000") @NotNull @Positive
        Long quantity,
        @Schema(description = "fen per tonne, within the block band around the previous close", examples = "10500")
        @NotNull @Positive Long priceFen,
        @Schema(description = "the party id of the one counterparty that may accept; omitted: open to all",
                examples = "41900360-42b8-3069-a34d-dbc69acee1ca") @Size(max = 36) String addressee) {

    /** The side as the API spells it, apart from the book's enum. */
    public enum OfferSide { BUY, SELL }
}
