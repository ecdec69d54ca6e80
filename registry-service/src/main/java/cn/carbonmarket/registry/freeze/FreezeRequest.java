package cn.carbonmarket.registry.freeze;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an account is frozen and on whose order (a court, a provincial authority, the ministry). */
public record FreezeRequest(
        @Schema(examples = "Enforcement ruling (2026) E 0101 No. 1234") @NotBlank @Size(max = 500) String reason,
        @Schema(examples = "Wuhan Intermediate People's Court") @NotBlank @Size(max = 200) String authority) {
}
