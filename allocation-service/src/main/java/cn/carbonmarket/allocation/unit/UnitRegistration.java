package cn.carbonmarket.allocation.unit;

import cn.carbonmarket.allocation.benchmark.Cooling;
import cn.carbonmarket.allocation.benchmark.UnitCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A generating unit as its provincial authority (or the regulator) registers it for a covered entity. */
public record UnitRegistration(
        @Schema(description = "the covered entity's party id", examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf")
        @NotBlank String partyId,
        @Schema(examples = "COAL_ABOVE_300MW") @NotNull UnitCategory category,
        @Schema(examples = "600") @NotNull @Positive Long capacityMw,
        @Schema(examples = "WATER") @NotNull Cooling cooling,
        @Schema(description = "built to supply heat as well as electricity", examples = "true") @NotNull
        Boolean combinedHeatAndPower,
        @Schema(examples = "2012-06-30") @NotNull @PastOrPresent LocalDate commissionedOn) {
}
