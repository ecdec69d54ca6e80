package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.report.EmissionReportStore.Step;
import cn.carbonmarket.allocation.report.EmissionsAccounting.Accounted;
import cn.carbonmarket.allocation.report.EmissionsAccounting.FuelEmissions;
import cn.carbonmarket.allocation.report.EmissionsAccounting.UnitEmissions;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A version of a report as the API shows it: its figures with the factors each fuel was accounted by and each
 * unit's tonnes, the verifier's adjustments, the report's history, and (to the provincial authority and the
 * regulator only) its data-quality flags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(String reportId, int version, String periodId, String partyId, String region, int year,
                         ReportStatus status, boolean late, String verifierPartyId, long emissionsTonnes,
                         String rulePack, boolean indirectEmissionsCounted, BigDecimal gridFactor,
                         List<UnitView> units, List<Adjustment> adjustments, List<DataQualityFlag> flags,
                         List<Step> history, String createdBy, Instant createdAt, Instant updatedAt,
                         Instant submittedAt, Instant concludedAt, Instant confirmedAt) {

    /** A unit's figures and emissions: from fuels, from purchased electricity (zero where not counted), in all. */
    public record UnitView(String unitId, long electricitySuppliedMwh, long heatSuppliedGj, BigDecimal loadFactor,
                           BigDecimal heatSupplyRatio, BigDecimal purchasedElectricityMwh, BigDecimal directTonnes,
                           BigDecimal indirectTonnes, long emissionsTonnes, List<FuelView> fuels) {
    }

    /** A fuel line as reported and the factors it was accounted by; {@code default...} where the pack's applied. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FuelView(FuelType fuel, String unit, BigDecimal consumption, BigDecimal netCalorificValue,
                           boolean defaultCalorificValue, CarbonContentMethod carbonContentMethod,
                           BigDecimal carbonContent, String labReportId, String sampleId, BigDecimal oxidationRate,
                           boolean defaultOxidationRate, BigDecimal tonnes) {
    }

    static ReportView of(ReportRecord report, ReportingRules rules, List<UnitReport> units, Accounted accounted,
                         List<Adjustment> adjustments, List<DataQualityFlag> flags, List<Step> history) {
        List<UnitView> unitViews = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            UnitReport unit = units.get(u);
            UnitEmissions emissions = accounted.units().get(u);
            List<FuelView> fuels = new ArrayList<>(unit.fuels().size());
            for (int i = 0; i < unit.fuels().size(); i++) {
                FuelLine line = unit.fuels().get(i);
                FuelEmissions fuel = emissions.fuels().get(i);
                fuels.add(new FuelView(line.fuel(), fuel.unit(), line.consumption(), fuel.netCalorificValue(),
                        fuel.defaultCalorificValue(), line.carbonContentMethod(), fuel.carbonContent(),
                        line.labReportId(), line.sampleId(), fuel.oxidationRate(), fuel.defaultOxidationRate(),
                        fuel.tonnes()));
            }
            unitViews.add(new UnitView(unit.unitId(), unit.electricitySuppliedMwh(), unit.heatSuppliedGj(),
                    unit.loadFactor(), unit.heatSupplyRatio(), unit.purchased(), emissions.directTonnes(),
                    emissions.indirectTonnes(), emissions.tonnes(), fuels));
        }
        UUID verifier = report.verifierPartyId();
        return new ReportView(report.reportId(), report.version(), report.periodId(), report.party().toString(),
                report.region().name(), report.year(), report.status(), report.late(),
                verifier == null ? null : verifier.toString(), report.emissionsTonnes(), rules.pack(),
                rules.indirectCounted(), rules.gridFactor().value(), unitViews, adjustments, flags, history,
                report.createdBy(), report.createdAt(), report.updatedAt(), report.submittedAt(),
                report.concludedAt(), report.confirmedAt());
    }
}
