package cn.carbonmarket.settlement.cash;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The clearing bank could not pay a withdrawal out; the held cash goes back to the party. */
public record PayoutRejection(
        @Schema(examples = "beneficiary account closed") @NotBlank @Size(max = 500) String reason) {
}
