package cn.carbonmarket.settlement.cash;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The clearing bank's notice that it received cash for a party at the settlement bank. */
public record DepositRequest(
        @Schema(description = "the bank's own reference of the credit; a deposit is booked once per reference",
                examples = "ICBC-20261125-000123") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}") String bankReference,
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank String partyId,
        @Schema(description = "fen (CNY 0.01)", examples = "50000000") @NotNull @Positive Long amountFen) {
}
