package cn.carbonmarket.registry.pledge;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pledge of units held in a holding account to a pledgee bank, until a date. */
public record PledgeRequest(
        @Schema(examples = "HOLDING-83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 100) String account,
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 40) String instrument,
        @Schema(description = "whole tonnes", examples = "50000") @NotNull @Positive Long quantity,
        @Schema(description = "the pledgee; a clearing bank registering a pledge is the pledgee itself",
                examples = "bank") @Size(max = 100) String pledgee,
        @Schema(examples = "2027-06-30") @NotNull @Future LocalDate expiresOn) {
}
