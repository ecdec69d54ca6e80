package cn.carbonmarket.allocation.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure of a rule pack with the document it comes from; {@code confirmed} is false where the figure could not
 * be read from a copy of that document reachable when it was entered, so that it is checked before it is used.
 */
public record Figure(BigDecimal value, String source, boolean confirmed) {

    public Figure {
        Objects.requireNonNull(value, "value");
        if (source == null || source.isBlank()) {
            throw new IllegalStateException("a rule pack figure names its source");
        }
    }
}
