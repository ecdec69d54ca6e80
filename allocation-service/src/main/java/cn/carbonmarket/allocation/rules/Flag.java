package cn.carbonmarket.allocation.rules;

/** A yes/no rule of a rule pack with the document it comes from (see {@link Figure} for {@code confirmed}). */
public record Flag(boolean value, String source, boolean confirmed) {
}
