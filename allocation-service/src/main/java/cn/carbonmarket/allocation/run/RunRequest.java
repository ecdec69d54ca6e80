package cn.carbonmarket.allocation.run;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run to compute: for a PRE_ALLOCATION the base year whose data it computes on (required); a TRUE_UP computes on
 * the verified data of each year of the period and takes no base year.
 */
public record RunRequest(
        @Schema(examples = "CN-2025") @NotBlank String periodId,
        @Schema(examples = "PRE_ALLOCATION") @NotNull RunKind kind,
        @Schema(examples = "2024") @Min(2013) @Max(2100) Integer baseYear) {
}
