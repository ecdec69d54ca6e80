package cn.carbonmarket.allocation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The national accounting method for power generation: a fuel line emits consumption × net calorific value × carbon
 * content × oxidation rate × 44/12 tonnes of CO2; a unit emits the sum of its fuels plus, where the rules count them,
 * its purchased electricity × the grid factor, rounded half up to whole tonnes once; a report emits the sum of its
 * units. Exact decimals throughout: the only division (by 12) is the rounding.
 */
public final class EmissionsAccounting {

    private static final BigDecimal FORTY_FOUR = BigDecimal.valueOf(44);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    /** Decimal places of the figures shown per fuel line and per unit beside the rounded tonnes. */
    private static final int SHOWN_SCALE = 3;

    /** A fuel line with the factors it was accounted by (the entity's or the rule pack's) and its tonnes. */
    public record FuelEmissions(FuelType fuel, String unit, BigDecimal netCalorificValue, boolean defaultCalorificValue,
                                CarbonContentMethod carbonContentMethod, BigDecimal carbonContent,
                                BigDecimal oxidationRate, boolean defaultOxidationRate, BigDecimal tonnes) {
    }

    /** A unit's emissions: each fuel's, the purchased electricity's (zero where not counted), and its whole tonnes. */
    public record UnitEmissions(String unitId, List<FuelEmissions> fuels, BigDecimal directTonnes,
                                BigDecimal indirectTonnes, long tonnes) {
    }

    /** A report's units and their sum. */
    public record Accounted(List<UnitEmissions> units, long tonnes) {
    }

    private EmissionsAccounting() {
    }

    public static Accounted account(List<UnitReport> units, ReportingRules rules) {
        List<UnitEmissions> accounted = new ArrayList<>(units.size());
        long total = 0;
        for (UnitReport unit : units) {
            UnitEmissions emissions = unit(unit, rules);
            accounted.add(emissions);
            total = Math.addExact(total, emissions.tonnes());
        }
        return new Accounted(accounted, total);
    }

    static UnitEmissions unit(UnitReport unit, ReportingRules rules) {
        List<FuelEmissions> fuels = new ArrayList<>(unit.fuels().size());
        BigDecimal twelveTimesDirect = BigDecimal.ZERO;
        for (FuelLine line : unit.fuels()) {
            FuelRules defaults = rules.of(line.fuel());
            BigDecimal ncv = line.netCalorificValue() != null ? line.netCalorificValue()
                    : defaults.netCalorificValue().value();
            BigDecimal carbon = line.carbonContentMethod() == CarbonContentMethod.MEASURED ? line.carbonContent()
                    : defaults.carbonContent().value();
            BigDecimal oxidation = line.oxidationRate() != null ? line.oxidationRate()
                    : defaults.oxidationRate().value();
            BigDecimal twelveTimes = line.consumption().multiply(ncv).multiply(carbon).multiply(oxidation)
                    .multiply(FORTY_FOUR);
            twelveTimesDirect = twelveTimesDirect.add(twelveTimes);
            fuels.add(new FuelEmissions(line.fuel(), defaults.unit(), ncv, line.netCalorificValue() == null,
                    line.carbonContentMethod(), carbon, oxidation, line.oxidationRate() == null, shown(twelveTimes)));
        }
        BigDecimal indirect = rules.indirectCounted() ? unit.purchased().multiply(rules.gridFactor().value())
                : BigDecimal.ZERO;
        long tonnes = twelveTimesDirect.add(indirect.multiply(TWELVE)).divide(TWELVE, 0, RoundingMode.HALF_UP)
                .longValueExact();
        return new UnitEmissions(unit.unitId(), fuels, shown(twelveTimesDirect),
                indirect.setScale(SHOWN_SCALE, RoundingMode.HALF_UP), tonnes);
    }

    private static BigDecimal shown(BigDecimal twelveTimes) {
        return twelveTimes.divide(TWELVE, SHOWN_SCALE, RoundingMode.HALF_UP);
    }
}
