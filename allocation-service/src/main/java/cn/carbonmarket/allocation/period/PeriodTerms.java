package cn.carbonmarket.allocation.period;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The terms the regulator opens a compliance period with: its jurisdiction and years, the instrument it issues, the
 * benchmark pack it allocates by, and the dates by which 95% and all of the obligation must be surrendered.
 */
public record PeriodTerms(
        @Schema(examples = "CN") @NotBlank String jurisdiction,
        @Schema(examples = "2025") @NotNull @Min(2013) @Max(2100) Integer firstYear,
        @Schema(examples = "2025") @NotNull @Min(2013) @Max(2100) Integer lastYear,
        @Schema(examples = "CEA-2025") @NotBlank String instrument,
        @Schema(examples = "CN-2022") @NotBlank String benchmarkPack,
        @Schema(examples = "2026-10-31") @NotNull LocalDate deadline95,
        @Schema(examples = "2026-12-31") @NotNull LocalDate deadline100) {
}
