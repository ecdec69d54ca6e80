package cn.carbonmarket.allocation.report;

import cn.carbonmarket.platform.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule a report's figures keep, each error naming its field by path ({@code units[0].fuels[1].carbonContent}),
 * so that an entity, a verifier's adjustment and an upload are held to the same rules and told every fault at once.
 * Whether the units are the entity's is the register's question.
 */
final class ReportChecks {

    private static final int SHARE_SCALE = 4;
    private static final int QUANTITY_SCALE = 4;
    private static final int CARBON_SCALE = 6;
    private static final int ELECTRICITY_SCALE = 3;
    private static final int MOST_UNITS = 200;
    private static final int MOST_FUELS = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    private final List<FieldError> errors = new ArrayList<>();

    private ReportChecks() {
    }

    static List<FieldError> of(List<UnitReport> units) {
        ReportChecks checks = new ReportChecks();
        checks.units(units);
        return checks.errors;
    }

    private void units(List<UnitReport> units) {
        if (units == null || units.isEmpty()) {
            reject("units", "a report has at least one generating unit");
            return;
        }
        if (units.size() > MOST_UNITS) {
            reject("units", "at most " + MOST_UNITS + " units a report");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            String at = "units[" + i + "]";
            UnitReport unit = units.get(i);
            if (unit == null) {
                reject(at, "missing");
                continue;
            }
            if (unit.unitId() == null || !ID.matcher(unit.unitId()).matches()) {
                reject(at + ".unitId", "a unit id has 1 to 64 letters, digits, '.', '_' or '-'");
            } else if (!seen.add(unit.unitId())) {
                reject(at + ".unitId", "unit " + unit.unitId() + " is in the report twice");
            }
            whole(at + ".electricitySuppliedMwh", unit.electricitySuppliedMwh());
            whole(at + ".heatSuppliedGj", unit.heatSuppliedGj());
            share(at + ".loadFactor", unit.loadFactor(), true);
            share(at + ".heatSupplyRatio", unit.heatSupplyRatio(), true);
            if (unit.purchasedElectricityMwh() != null) {
                decimal(at + ".purchasedElectricityMwh", unit.purchasedElectricityMwh(), ELECTRICITY_SCALE, false);
            }
            fuels(at, unit.fuels());
        }
    }

    private void fuels(String at, List<FuelLine> fuels) {
        if (fuels == null || fuels.isEmpty()) {
            reject(at + ".fuels", "a unit reports at least one fuel");
            return;
        }
        if (fuels.size() > MOST_FUELS) {
            reject(at + ".fuels", "at most " + MOST_FUELS + " fuel lines a unit");
            return;
        }
        for (int i = 0; i < fuels.size(); i++) {
            String line = at + ".fuels[" + i + "]";
            FuelLine fuel = fuels.get(i);
            if (fuel == null) {
                reject(line, "missing");
                continue;
            }
            if (fuel.fuel() == null) {
                reject(line + ".fuel", "one of " + List.of(FuelType.values()));
            }
            required(line + ".consumption", fuel.consumption(), QUANTITY_SCALE, false);
            if (fuel.netCalorificValue() != null) {
                decimal(line + ".netCalorificValue", fuel.netCalorificValue(), QUANTITY_SCALE, true);
            }
            if (fuel.oxidationRate() != null) {
                share(line + ".oxidationRate", fuel.oxidationRate(), false);
            }
            carbonContent(line, fuel);
        }
    }

    private void carbonContent(String line, FuelLine fuel) {
        if (fuel.carbonContentMethod() == null) {
            reject(line + ".carbonContentMethod", "MEASURED (with its lab report and sample) or DEFAULT");
        } else if (fuel.carbonContentMethod() == CarbonContentMethod.MEASURED) {
            required(line + ".carbonContent", fuel.carbonContent(), CARBON_SCALE, true);
            id(line + ".labReportId", fuel.labReportId());
            id(line + ".sampleId", fuel.sampleId());
        } else {
            String defaulted = "the rule pack's default applies to a DEFAULT carbon content: leave it out";
            if (fuel.carbonContent() != null) {
                reject(line + ".carbonContent", defaulted);
            }
            if (fuel.labReportId() != null) {
                reject(line + ".labReportId", defaulted);
            }
            if (fuel.sampleId() != null) {
                reject(line + ".sampleId", defaulted);
            }
        }
    }

    private void id(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            reject(field, "a measured carbon content names it: 1 to 64 letters, digits, '.', '_', '/' or '-'");
        }
    }

    private void whole(String field, Long value) {
        if (value == null) {
            reject(field, "missing");
        } else if (value < 0) {
            reject(field, "not negative, got " + value);
        }
    }

    private void share(String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            reject(field, "missing");
        } else if (value.compareTo(BigDecimal.ONE) > 0 || value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            reject(field, "a share " + (zeroAllowed ? "from 0" : "above 0") + " to 1, got " + value.toPlainString());
        } else if (value.stripTrailingZeros().scale() > SHARE_SCALE) {
            reject(field, "at most " + SHARE_SCALE + " decimal places, got " + value.toPlainString());
        }
    }

    private void required(String field, BigDecimal value, int scale, boolean positive) {
        if (value == null) {
            reject(field, "missing");
        } else {
            decimal(field, value, scale, positive);
        }
    }

    private void decimal(String field, BigDecimal value, int scale, boolean positive) {
        if (value.signum() < 0 || (positive && value.signum() == 0)) {
            reject(field, (positive ? "above 0" : "not negative") + ", got " + value.toPlainString());
        } else if (value.stripTrailingZeros().scale() > scale) {
            reject(field, "at most " + scale + " decimal places, got " + value.toPlainString());
        } else if (value.precision() - value.scale() > 15) {
            reject(field, "at most 15 digits before the decimal point");
        }
    }

    private void reject(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }
}
