package cn.carbonmarket.allocation.compliance;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The authority's penalty decision: the entity in shortfall and the multiple of the average price, within range. */
public record PenaltyRequest(@Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotNull String partyId,
                             @Schema(examples = "5") @NotNull BigDecimal factor) {
}
