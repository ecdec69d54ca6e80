package cn.carbonmarket.registry.migration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The national party the regulator identified as the holder of a pilot account's set-aside units, and on what. */
public record SuspenseAssignmentRequest(
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank @Size(max = 36) String party,
        @Schema(examples = "Holder produced its business licence; the pilot export had a typo in the credit code")
        @NotBlank @Size(max = 1000) String evidence) {
}
