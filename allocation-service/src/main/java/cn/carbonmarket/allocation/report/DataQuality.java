package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.report.EmissionsAccounting.Accounted;
import cn.carbonmarket.allocation.report.EmissionsAccounting.UnitEmissions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks a provincial authority sees before it confirms a report (the answer to forged coal test reports and
 * distorted verifications): a measured carbon content outside the fuel's plausible range; a unit's intensity
 * (emissions per MWh supplied) changed beyond the threshold since the entity's confirmed report of the year before;
 * a lab report or sample id another entity's submitted or confirmed report also names; a figure the verifier changed
 * after concluding; the default carbon content on a unit that reported a measured one the year before.
 */
final class DataQuality {

    /** Intensities are compared to this many decimal places. */
    private static final int RATIO_SCALE = 6;

    /** A unit of the entity's confirmed report of the year before. */
    record PriorUnit(String unitId, long emissionsTonnes, long electricitySuppliedMwh, boolean measured) {
    }

    /** A lab report or sample id of one of this report's fuel lines that another entity's report names too. */
    record SharedEvidence(String unitId, int line, String kind, String id, String otherReportId) {
    }

    private DataQuality() {
    }

    static List<DataQualityFlag> flags(List<UnitReport> units, Accounted accounted, ReportingRules rules,
                                       Map<String, PriorUnit> priorYear, List<SharedEvidence> shared,
                                       List<Adjustment> adjustments) {
        List<DataQualityFlag> flags = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            UnitReport unit = units.get(u);
            implausible(unit, rules, flags);
            PriorUnit prior = priorYear.get(unit.unitId());
            if (prior != null) {
                intensity(unit, accounted.units().get(u), prior, rules, flags);
                if (prior.measured() && unit.fuels().stream()
                        .anyMatch(f -> f.carbonContentMethod() == CarbonContentMethod.DEFAULT)) {
                    flags.add(new DataQualityFlag(DataQualityFlag.DEFAULT_AFTER_MEASURED, unit.unitId(), "unit "
                            + unit.unitId() + " reports the default carbon content, where the year before it"
                            + " reported a measured one"));
                }
            }
        }
        for (SharedEvidence evidence : shared) {
            flags.add(new DataQualityFlag(DataQualityFlag.LAB_EVIDENCE_SHARED, evidence.unitId(), evidence.kind()
                    + " " + evidence.id() + " of unit " + evidence.unitId() + " fuel line " + evidence.line()
                    + " is also named by another entity's report " + evidence.otherReportId()));
        }
        for (Adjustment adjustment : adjustments) {
            if (adjustment.afterConclusion()) {
                flags.add(new DataQualityFlag(DataQualityFlag.CHANGED_AFTER_CONCLUSION, null, adjustment.field()
                        + " was changed from " + adjustment.oldValue() + " to " + adjustment.newValue() + " by "
                        + adjustment.adjustedBy() + " after the verifier's conclusion: " + adjustment.reason()));
            }
        }
        return flags;
    }

    private static void implausible(UnitReport unit, ReportingRules rules, List<DataQualityFlag> flags) {
        for (int i = 0; i < unit.fuels().size(); i++) {
            FuelLine line = unit.fuels().get(i);
            if (line.carbonContentMethod() != CarbonContentMethod.MEASURED) {
                continue;
            }
            FuelRules fuel = rules.of(line.fuel());
            BigDecimal min = fuel.plausibleMin().value();
            BigDecimal max = fuel.plausibleMax().value();
            if (line.carbonContent().compareTo(min) < 0 || line.carbonContent().compareTo(max) > 0) {
                flags.add(new DataQualityFlag(DataQualityFlag.CARBON_CONTENT_IMPLAUSIBLE, unit.unitId(), "unit "
                        + unit.unitId() + " fuel line " + i + " (" + line.fuel() + "): measured carbon content "
                        + line.carbonContent().toPlainString() + " tC/GJ lies outside the plausible range "
                        + min.toPlainString() + " to " + max.toPlainString() + " (lab report " + line.labReportId()
                        + ", sample " + line.sampleId() + ")"));
            }
        }
    }

    private static void intensity(UnitReport unit, UnitEmissions emissions, PriorUnit prior, ReportingRules rules,
                                  List<DataQualityFlag> flags) {
        if (unit.electricitySuppliedMwh() == 0 || prior.electricitySuppliedMwh() == 0
                || prior.emissionsTonnes() == 0) {
            return;
        }
        BigDecimal now = BigDecimal.valueOf(emissions.tonnes())
                .divide(BigDecimal.valueOf(unit.electricitySuppliedMwh()), RATIO_SCALE, RoundingMode.HALF_UP);
        BigDecimal before = BigDecimal.valueOf(prior.emissionsTonnes())
                .divide(BigDecimal.valueOf(prior.electricitySuppliedMwh()), RATIO_SCALE, RoundingMode.HALF_UP);
        BigDecimal change = now.subtract(before).divide(before, RATIO_SCALE, RoundingMode.HALF_UP);
        BigDecimal threshold = rules.intensityChangeThreshold().value();
        if (change.abs().compareTo(threshold) > 0) {
            flags.add(new DataQualityFlag(DataQualityFlag.INTENSITY_CHANGE, unit.unitId(), "unit " + unit.unitId()
                    + " emits " + now.toPlainString() + " tCO2/MWh supplied against " + before.toPlainString()
                    + " the year before, a change of " + change.movePointRight(2).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString() + "% beyond the threshold of " + threshold.movePointRight(2)
                    .stripTrailingZeros().toPlainString() + "%"));
        }
    }
}
