package cn.carbonmarket.settlement.cash;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant asks for cash to be paid out of the market to its bank account. */
public record WithdrawalRequest(
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") @NotBlank String partyId,
        @Schema(description = "fen (CNY 0.01)", examples = "1000000") @NotNull @Positive Long amountFen) {
}
