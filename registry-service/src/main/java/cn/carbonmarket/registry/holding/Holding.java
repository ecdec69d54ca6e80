package cn.carbonmarket.registry.holding;

/** A holding's quantity, as stored. */
public record Holding(HoldingKey key, long quantity) {
}
