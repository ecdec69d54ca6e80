package cn.carbonmarket.allocation.report;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fuel a unit burned in the year: its consumption (t, or 10^4 Nm3 for natural gas), the net calorific value (GJ per
 * unit) and oxidation rate if the entity has its own (else the rule pack's defaults), and the carbon content per unit
 * of calorific value (tC/GJ): MEASURED with its lab report and sample, or DEFAULT (the rule pack's; none typed).
 */
public record FuelLine(
        @Schema(examples = "BITUMINOUS_COAL") FuelType fuel,
        @Schema(description = "t, or 10^4 Nm3 for natural gas; at most 4 decimals", examples = "1000000")
        BigDecimal consumption,
        @Schema(description = "GJ per unit of consumption; absent: the rule pack's default", examples = "20.000")
        BigDecimal netCalorificValue,
        @Schema(examples = "MEASURED") CarbonContentMethod carbonContentMethod,
        @Schema(description = "tC/GJ, MEASURED only", examples = "0.02600") BigDecimal carbonContent,
        @Schema(description = "MEASURED only", examples = "LAB-2071-0042") String labReportId,
        @Schema(description = "MEASURED only", examples = "S-0042-01") String sampleId,
        @Schema(description = "a share from 0 to 1; absent: the rule pack's default", examples = "0.99")
        BigDecimal oxidationRate) {
}
