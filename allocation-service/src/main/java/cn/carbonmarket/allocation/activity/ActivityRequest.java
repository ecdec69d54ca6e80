package cn.carbonmarket.allocation.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's activity in one year as its provincial authority or the regulator enters it. */
public record ActivityRequest(
        @Schema(examples = "3000000") @NotNull @PositiveOrZero Long electricitySuppliedMwh,
        @Schema(examples = "1000000") @NotNull @PositiveOrZero Long heatSuppliedGj,
        @Schema(description = "a share from 0 to 1, at most 4 decimal places", examples = "0.82")
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = ActivityFigures.SHARE_SCALE)
        BigDecimal loadFactor,
        @Schema(description = "a share from 0 to 1, at most 4 decimal places", examples = "0.15")
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = ActivityFigures.SHARE_SCALE)
        BigDecimal heatSupplyRatio,
        @Schema(description = "the regulator confirms these as the year's verified data (regulator only; default"
                + " false)", examples = "false")
        Boolean verified) {

    ActivityFigures figures() {
        return new ActivityFigures(electricitySuppliedMwh, heatSuppliedGj, loadFactor, heatSupplyRatio);
    }

    boolean isVerified() {
        return Boolean.TRUE.equals(verified);
    }
}
