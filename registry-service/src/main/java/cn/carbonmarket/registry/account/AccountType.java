package cn.carbonmarket.registry.account;

/** The kinds of registry account. Every party has exactly one HOLDING account. */
public enum AccountType {
    HOLDING
}
