package cn.carbonmarket.registry.freeze;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A court's or an authority's order to hold a stated quantity of one holder's units. */
public record FreezeOrderRequest(
        @Schema(examples = "HOLDING-83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 100) String account,
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 40) String instrument,
        @Schema(description = "whole tonnes", examples = "20000") @NotNull @Positive Long quantity,
        @Schema(examples = "Enforcement ruling (2026) E 0101 No. 1234") @NotBlank @Size(max = 500) String reason,
        @Schema(examples = "Wuhan Intermediate People's Court") @NotBlank @Size(max = 200) String authority) {
}
