package cn.carbonmarket.registry.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Units from the caller's holding account to another party's holding account. */
public record TransferRequest(
        @Schema(examples = "HOLDING-83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 100) String fromAccount,
        @Schema(examples = "HOLDING-41900360-42b8-3069-a34d-dbc69acee1ca") @NotBlank @Size(max = 100) String toAccount,
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 40) String instrument,
        @Schema(description = "whole tonnes", examples = "1000") @NotNull @Positive Long quantity) {
}
