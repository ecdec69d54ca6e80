package cn.carbonmarket.contracts.unit;

/** Whether a product is an allowance (issued against a cap) or an offset credit (issued for a verified reduction). */
public enum ProductKind {
    ALLOWANCE,
    OFFSET
}
