package cn.carbonmarket.settlement.cash;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The clearing bank paid a withdrawal out. */
public record PayoutRequest(
        @Schema(examples = "ICBC-20261126-000456") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}") String bankReference) {
}
