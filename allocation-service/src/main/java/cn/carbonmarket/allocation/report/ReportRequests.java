package cn.carbonmarket.allocation.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the report workflow's requests; the figures themselves are checked by {@link ReportChecks}. */
public final class ReportRequests {

    private ReportRequests() {
    }

    /** An entity's new report of a year in a compliance period. */
    public record NewReport(@Schema(examples = "CN-2025") @NotBlank String periodId,
                            @Schema(examples = "2025") @NotNull Integer year,
                            List<UnitReport> units) {
    }

    /** A draft's figures, replacing those it had. */
    public record DraftFigures(List<UnitReport> units) {
    }

    /** The verifier (its party id) a provincial authority assigns. */
    public record VerifierAssignment(@Schema(examples = "5bf17794-49b8-3ee5-91d2-92d9e0bb2076") @NotBlank
                                     String verifierPartyId) {
    }

    /** Figures a verifier changes at once, for one reason. */
    public record AdjustmentRequest(@Schema(examples = "the weighbridge record shows 1,020,000 t") @NotBlank
                                    @Size(max = 1000) String reason,
                                    @NotEmpty @Size(max = 50) List<@Valid @NotNull Change> changes) {
    }

    /** One figure by its path and its new value as text (null clears an optional figure). */
    public record Change(@Schema(examples = "units[HB-WUHAN-1].fuels[0].consumption") @NotBlank String field,
                         @Schema(examples = "1020000") @Size(max = 64) String value) {
    }

    /** The verifier's conclusion. */
    public record Conclusion(@Schema(examples = "the figures are supported by the records sampled") @NotBlank
                             @Size(max = 2000) String opinion) {
    }
}
