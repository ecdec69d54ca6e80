package cn.carbonmarket.registry.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Units of the caller's own account changing place: into trading, or cancelled voluntarily. */
public record HoldingMoveRequest(
        @Schema(examples = "HOLDING-83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 100) String account,
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 40) String instrument,
        @Schema(description = "whole tonnes", examples = "1000") @NotNull @Positive Long quantity) {
}
