package cn.carbonmarket.allocation.rules;

import java.math.BigDecimal;

/**
 * A range a rule pack lets the authority choose within (a penalty's multiple, a fine), with the document it comes
 * from; min = max where the document fixes the figure.
 */
public record Bounds(BigDecimal min, BigDecimal max, String source, boolean confirmed) {

    public Bounds {
        if (min.compareTo(max) > 0 || min.signum() < 0) {
            throw new IllegalStateException("a rule pack range is 0 <= min <= max, not " + min + ".." + max);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalStateException("a rule pack range names its source");
        }
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** The one figure a range that is not a choice fixes. */
    public boolean fixed() {
        return min.compareTo(max) == 0;
    }

    @Override
    public String toString() {
        return fixed() ? min.toPlainString() : min.toPlainString() + ".." + max.toPlainString();
    }
}
