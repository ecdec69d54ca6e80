package cn.carbonmarket.allocation.compliance;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The authority's penalty decision for an entity in shortfall: by a PRICE_MULTIPLE pack the multiple of the average
 * price within the pack's range, by a FIXED_FINE pack the fine in fen within its range; either may be left out where
 * the pack fixes it.
 */
public record PenaltyRequest(@Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotNull String partyId,
                             @Schema(examples = "5", nullable = true) BigDecimal factor,
                             @Schema(examples = "5000000", nullable = true) Long fineFen) {
}
