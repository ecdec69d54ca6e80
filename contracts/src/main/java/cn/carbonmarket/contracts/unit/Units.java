package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;

/** A quantity of allowances or offsets in whole tonnes of CO2e. Never fractional, never negative. */
public record Units(long tonnes) implements Comparable<Units> {

    public static final Units ZERO = new Units(0);

    public Units {
        if (tonnes < 0) {
            throw new InvalidValueException("units", "units must not be negative, got " + tonnes);
        }
    }

    public static Units of(long tonnes) {
        return new Units(tonnes);
    }

    public Units plus(Units other) {
        return new Units(Math.addExact(tonnes, other.tonnes));
    }

    public Units minus(Units other) {
        return new Units(Math.subtractExact(tonnes, other.tonnes));
    }

    public boolean isZero() {
        return tonnes == 0;
    }

    @Override
    public int compareTo(Units other) {
        return Long.compare(tonnes, other.tonnes);
    }

    @Override
    public String toString() {
        return tonnes + " t";
    }
}
