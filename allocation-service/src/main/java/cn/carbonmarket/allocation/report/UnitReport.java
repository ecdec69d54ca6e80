package cn.carbonmarket.allocation.report;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One registered generating unit of the entity in a report: its production as activity data records it (electricity
 * supplied MWh, heat supplied GJ, load factor and heat-supply ratio), the electricity it bought (MWh; counted where the
 * period's rules count indirect emissions) and the fuels it burned.
 */
public record UnitReport(
        @Schema(examples = "HB-WUHAN-1") String unitId,
        @Schema(examples = "3000000") Long electricitySuppliedMwh,
        @Schema(examples = "1000000") Long heatSuppliedGj,
        @Schema(description = "a share from 0 to 1, at most 4 decimals", examples = "0.82") BigDecimal loadFactor,
        @Schema(description = "a share from 0 to 1, at most 4 decimals", examples = "0.15") BigDecimal heatSupplyRatio,
        @Schema(description = "MWh, at most 3 decimals; absent: none", examples = "1000")
        BigDecimal purchasedElectricityMwh,
        List<FuelLine> fuels) {

    BigDecimal purchased() {
        return purchasedElectricityMwh == null ? BigDecimal.ZERO : purchasedElectricityMwh;
    }
}
