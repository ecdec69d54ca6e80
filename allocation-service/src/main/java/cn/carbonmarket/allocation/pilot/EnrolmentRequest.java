package cn.carbonmarket.allocation.pilot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entity's enrolment in a pilot period as the authority running the pilot states it: the sector it takes part
 * for, the free allocation of the period's allowance it receives, and its verified emissions once known (null
 * before).
 */
public record EnrolmentRequest(
        @Schema(examples = "CEMENT") @NotBlank String sector,
        @Schema(examples = "800000") @NotNull @PositiveOrZero Long freeAllocationTonnes,
        @Schema(examples = "1000000", nullable = true) @PositiveOrZero Long verifiedEmissionsTonnes) {
}
