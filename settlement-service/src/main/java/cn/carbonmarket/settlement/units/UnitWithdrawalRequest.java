package cn.carbonmarket.settlement.units;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant asks for units to leave trading, back to its registry holding (AVAILABLE). */
public record UnitWithdrawalRequest(
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank String partyId,
        @Schema(examples = "CEA-2025") @NotBlank String instrument,
        @Schema(description = "whole tonnes", examples = "100") @NotNull @Positive Long quantity) {
}
