package cn.carbonmarket.allocation.reserve;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Flag;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The stability reserve's designs of one benchmark pack, each switched on or off by its flag: the cost containment
 * reserve (RGGI's CCR: more on offer at and above a trigger price), the emissions containment reserve (RGGI's ECR:
 * less on offer below a floor price) and the stabilisation share set aside at allocation (Hubei's government reserve).
 */
public record ReserveRule(String pack, Containment costContainment, Containment emissionsContainment,
                          Stabilisation stabilisation) {

    /** A containment design: its price by year and the share of an auction's volume it adds or withholds. */
    public record Containment(Flag enabled, YearlyPrice price, Figure share) {

        public boolean on() {
            return enabled.value();
        }
    }

    /** The share of a pre-allocation run's total set aside at its approval. */
    public record Stabilisation(Flag enabled, Figure share) {

        public boolean on() {
            return enabled.value();
        }
    }

    /**
     * A price that rises by a share each year: {@code baseFen} in {@code baseYear}, then each year the previous
     * year's price times (1 + increase), half up to the fen (RGGI publishes its trigger prices so: 13.00, 13.91,
     * 14.88, 15.92 ...). Years before the base year take the base price.
     */
    public record YearlyPrice(int baseYear, Figure baseFen, Figure annualIncrease) {

        public long atYear(int year) {
            BigDecimal price = baseFen.value();
            BigDecimal factor = BigDecimal.ONE.add(annualIncrease.value());
            for (int y = baseYear; y < year; y++) {
                price = price.multiply(factor).setScale(0, RoundingMode.HALF_UP);
            }
            return price.longValueExact();
        }
    }
}
