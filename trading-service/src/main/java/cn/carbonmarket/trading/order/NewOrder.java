package cn.carbonmarket.trading.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An order as a participant sends it: a limit order (with {@code priceFen}) or a take at one of the
 * counterparty's best levels (with {@code level}), never both. The party is the caller's, from its token.
 */
@Schema(name = "OrderEntry") // the API document's name for it, which clients generated from it use
public record NewOrder(
        @Schema(description = "the participant's own id for this order; the same id again returns the first order",
                examples = "2026-11-25-0001") @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+")
        String clientOrderId,
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 16) String instrument,
        @Schema(examples = "BUY") @NotNull OrderSide side,
        @Schema(description = "limit price in fen per tonne, for a limit order", examples = "10050") @Positive
        Long priceFen,
        @Schema(description = "the counterparty's price level to take (1 = best), instead of a price",
                examples = "2") @Positive Integer level,
        @Schema(description = "whole tonnes", examples = "500") @NotNull @Positive Long quantity) {

    /** The side as the API spells it (kept apart from the book's enum so the API does not follow its renames). */
    public enum OrderSide { BUY, SELL }
}
