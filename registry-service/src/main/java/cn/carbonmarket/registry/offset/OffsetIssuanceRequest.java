package cn.carbonmarket.registry.offset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Offset credits of a recorded origin to issue to a party, from one project. */
public record OffsetIssuanceRequest(
        @Schema(description = "the issuer's own id for this issuance: sending it again returns the first result",
                examples = "BCER-2025-0001") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}") String issuanceId,
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 36) String partyId,
        @Schema(description = "an offset with its origin, PRODUCT-YYYY-PROVINCE-TYPE",
                examples = "BCER-2025-BJ-FORESTRY") @NotBlank @Size(max = 40) String instrument,
        @Schema(description = "whole tonnes", examples = "12000") @NotNull @Positive Long quantity,
        @Schema(examples = "BJ-FOR-2023-017") @NotBlank @Size(max = 64) String projectId,
        @Schema(examples = "Miyun afforestation carbon sink") @NotBlank @Size(max = 200) String projectName) {
}
