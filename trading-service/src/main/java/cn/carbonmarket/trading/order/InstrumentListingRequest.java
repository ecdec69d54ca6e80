package cn.carbonmarket.trading.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's listing of an instrument: the reference price its first day's band is drawn around. */
@Schema(name = "InstrumentListing")
public record InstrumentListingRequest(
        @Schema(description = "the previous close the first trading day's price band is drawn around, in fen per"
                + " tonne, on the jurisdiction's tick", examples = "9500") @NotNull @Positive Long referencePriceFen,
        @Schema(description = "where the reference price comes from (a listing notice, the last vintage's close)",
                examples = "listing notice 2031-01: the close of CEA-2030 on 2030-12-31") @NotBlank @Size(max = 500)
        String source) {
}
