package cn.carbonmarket.allocation.rules;

/** A rule of a rule pack that is not a number (a list of products, a method) with the document it comes from. */
public record Sourced<T>(T value, String source, boolean confirmed) {

    public Sourced {
        if (source == null || source.isBlank()) {
            throw new IllegalStateException("a rule pack rule names its source");
        }
    }
}
