package cn.carbonmarket.registry.surrender;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A surrender of the entity's units against its obligation for a compliance period. */
public record SurrenderRequest(
        @Schema(description = "the entity's own id for this surrender: sending it again returns the first result",
                examples = "S-2025-001") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}") String surrenderId,
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 36) String partyId,
        @Schema(examples = "CN-2025") @NotBlank @Size(max = 64) String periodId,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines) {

    /** Tonnes of one instrument. */
    public record Line(@Schema(examples = "CEA-2025") @NotBlank @Size(max = 40) String instrument,
                       @Schema(description = "whole tonnes", examples = "95000") @NotNull @Positive Long quantity) {
    }
}
