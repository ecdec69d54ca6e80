package cn.carbonmarket.allocation.benchmark;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A generating unit and one year's production, to compute its free allocation under a period's benchmarks. */
public record UnitAllocationRequest(
        @Schema(examples = "HB-WUHAN-1") @NotBlank @Size(max = 64) String unitId,
        @Schema(examples = "COAL_ABOVE_300MW") @NotNull UnitCategory category,
        @Schema(examples = "600") @NotNull @Positive Long capacityMw,
        @Schema(examples = "WATER") @NotNull Cooling cooling,
        @Schema(description = "built to supply heat as well as electricity", examples = "true") @NotNull
        Boolean combinedHeatAndPower,
        @Schema(examples = "3000000") @NotNull @PositiveOrZero Long electricitySuppliedMwh,
        @Schema(examples = "1000000") @NotNull @PositiveOrZero Long heatSuppliedGj,
        @Schema(description = "a share from 0 to 1", examples = "0.82") @NotNull @DecimalMin("0") @DecimalMax("1")
        BigDecimal loadFactor,
        @Schema(description = "a share from 0 to 1", examples = "0.15") @NotNull @DecimalMin("0") @DecimalMax("1")
        BigDecimal heatSupplyRatio) {

    GeneratingUnit unit() {
        return new GeneratingUnit(unitId, category, capacityMw, cooling, combinedHeatAndPower);
    }

    ProductionData production() {
        return new ProductionData(electricitySuppliedMwh, heatSuppliedGj, loadFactor, heatSupplyRatio);
    }
}
