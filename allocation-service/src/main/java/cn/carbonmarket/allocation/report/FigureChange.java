package cn.carbonmarket.allocation.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure of a report changed by the verifier, addressed by its path: {@code units[<unitId>].<field>} for a unit's
 * production and purchased electricity, {@code units[<unitId>].fuels[<line>].<field>} for a fuel line (lines counted
 * from 0). The value is the new figure as text; null clears an optional one (the rule pack's default then applies).
 */
final class FigureChange {

    private static final Pattern UNIT_FIELD = Pattern.compile("units\\[([^\\]]+)]\\.(\\w+)");
    private static final Pattern FUEL_FIELD = Pattern.compile("units\\[([^\\]]+)]\\.fuels\\[(\\d{1,3})]\\.(\\w+)");

    /** The report's units with the figure changed, and the figure as it was (text, null where it had none). */
    record Applied(List<UnitReport> units, String oldValue) {
    }

    private FigureChange() {
    }

    /** Throws IllegalArgumentException naming what is wrong with the path or the value. */
    static Applied apply(List<UnitReport> units, String field, String value) {
        Matcher fuel = FUEL_FIELD.matcher(field);
        Matcher unit = UNIT_FIELD.matcher(field);
        if (fuel.matches()) {
            int index = indexOf(units, fuel.group(1));
            UnitReport target = units.get(index);
            int line = Integer.parseInt(fuel.group(2));
            if (line >= target.fuels().size()) {
                throw new IllegalArgumentException("unit " + fuel.group(1) + " has no fuel line " + line);
            }
            List<FuelLine> fuels = new ArrayList<>(target.fuels());
            FuelLine before = fuels.get(line);
            fuels.set(line, fuelLine(before, fuel.group(3), value));
            return new Applied(replace(units, index, new UnitReport(target.unitId(), target.electricitySuppliedMwh(),
                    target.heatSuppliedGj(), target.loadFactor(), target.heatSupplyRatio(),
                    target.purchasedElectricityMwh(), fuels)), fuelValue(before, fuel.group(3)));
        }
        if (unit.matches()) {
            int index = indexOf(units, unit.group(1));
            UnitReport before = units.get(index);
            return new Applied(replace(units, index, unit(before, unit.group(2), value)),
                    unitValue(before, unit.group(2)));
        }
        throw new IllegalArgumentException("a figure is addressed as units[<unitId>].<field> or"
                + " units[<unitId>].fuels[<line>].<field>");
    }

    private static UnitReport unit(UnitReport u, String name, String value) {
        return switch (name) {
            case "electricitySuppliedMwh" -> new UnitReport(u.unitId(), whole(value), u.heatSuppliedGj(),
                    u.loadFactor(), u.heatSupplyRatio(), u.purchasedElectricityMwh(), u.fuels());
            case "heatSuppliedGj" -> new UnitReport(u.unitId(), u.electricitySuppliedMwh(), whole(value),
                    u.loadFactor(), u.heatSupplyRatio(), u.purchasedElectricityMwh(), u.fuels());
            case "loadFactor" -> new UnitReport(u.unitId(), u.electricitySuppliedMwh(), u.heatSuppliedGj(),
                    decimal(value), u.heatSupplyRatio(), u.purchasedElectricityMwh(), u.fuels());
            case "heatSupplyRatio" -> new UnitReport(u.unitId(), u.electricitySuppliedMwh(), u.heatSuppliedGj(),
                    u.loadFactor(), decimal(value), u.purchasedElectricityMwh(), u.fuels());
            case "purchasedElectricityMwh" -> new UnitReport(u.unitId(), u.electricitySuppliedMwh(),
                    u.heatSuppliedGj(), u.loadFactor(), u.heatSupplyRatio(), decimal(value), u.fuels());
            default -> throw new IllegalArgumentException("a unit's figures are electricitySuppliedMwh,"
                    + " heatSuppliedGj, loadFactor, heatSupplyRatio and purchasedElectricityMwh, not " + name);
        };
    }

    private static String unitValue(UnitReport u, String name) {
        return switch (name) {
            case "electricitySuppliedMwh" -> text(u.electricitySuppliedMwh());
            case "heatSuppliedGj" -> text(u.heatSuppliedGj());
            case "loadFactor" -> text(u.loadFactor());
            case "heatSupplyRatio" -> text(u.heatSupplyRatio());
            default -> text(u.purchasedElectricityMwh());
        };
    }

    /** Setting DEFAULT clears the measured figure and its lab report and sample, which a DEFAULT line has none of. */
    private static FuelLine fuelLine(FuelLine f, String name, String value) {
        return switch (name) {
            case "fuel" -> new FuelLine(value == null ? null : FuelType.valueOf(value), f.consumption(),
                    f.netCalorificValue(), f.carbonContentMethod(), f.carbonContent(), f.labReportId(), f.sampleId(),
                    f.oxidationRate());
            case "consumption" -> new FuelLine(f.fuel(), decimal(value), f.netCalorificValue(),
                    f.carbonContentMethod(), f.carbonContent(), f.labReportId(), f.sampleId(), f.oxidationRate());
            case "netCalorificValue" -> new FuelLine(f.fuel(), f.consumption(), decimal(value),
                    f.carbonContentMethod(), f.carbonContent(), f.labReportId(), f.sampleId(), f.oxidationRate());
            case "carbonContentMethod" -> CarbonContentMethod.DEFAULT.name().equals(value)
                    ? new FuelLine(f.fuel(), f.consumption(), f.netCalorificValue(), CarbonContentMethod.DEFAULT, null,
                            null, null, f.oxidationRate())
                    : new FuelLine(f.fuel(), f.consumption(), f.netCalorificValue(),
                            value == null ? null : CarbonContentMethod.valueOf(value), f.carbonContent(),
                            f.labReportId(), f.sampleId(), f.oxidationRate());
            case "carbonContent" -> new FuelLine(f.fuel(), f.consumption(), f.netCalorificValue(),
                    f.carbonContentMethod(), decimal(value), f.labReportId(), f.sampleId(), f.oxidationRate());
            case "labReportId" -> new FuelLine(f.fuel(), f.consumption(), f.netCalorificValue(),
                    f.carbonContentMethod(), f.carbonContent(), value, f.sampleId(), f.oxidationRate());
            case "sampleId" -> new FuelLine(f.fuel(), f.consumption(), f.netCalorificValue(),
                    f.carbonContentMethod(), f.carbonContent(), f.labReportId(), value, f.oxidationRate());
            case "oxidationRate" -> new FuelLine(f.fuel(), f.consumption(), f.netCalorificValue(),
                    f.carbonContentMethod(), f.carbonContent(), f.labReportId(), f.sampleId(), decimal(value));
            default -> throw new IllegalArgumentException("a fuel line's figures are fuel, consumption,"
                    + " netCalorificValue, carbonContentMethod, carbonContent, labReportId, sampleId and"
                    + " oxidationRate, not " + name);
        };
    }

    private static String fuelValue(FuelLine f, String name) {
        return switch (name) {
            case "fuel" -> text(f.fuel());
            case "consumption" -> text(f.consumption());
            case "netCalorificValue" -> text(f.netCalorificValue());
            case "carbonContentMethod" -> text(f.carbonContentMethod());
            case "carbonContent" -> text(f.carbonContent());
            case "labReportId" -> f.labReportId();
            case "sampleId" -> f.sampleId();
            default -> text(f.oxidationRate());
        };
    }

    private static int indexOf(List<UnitReport> units, String unitId) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).unitId().equals(unitId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the report has no unit " + unitId);
    }

    private static List<UnitReport> replace(List<UnitReport> units, int index, UnitReport changed) {
        List<UnitReport> copy = new ArrayList<>(units);
        copy.set(index, changed);
        return copy;
    }

    private static Long whole(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a whole number expected, got '" + value + "'");
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a decimal number expected, got '" + value + "'");
        }
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
