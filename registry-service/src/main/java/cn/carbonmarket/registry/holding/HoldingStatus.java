package cn.carbonmarket.registry.holding;

/** What units in an account may do: AVAILABLE ones move; the others are held for trading, a pledgee or a freeze. */
public enum HoldingStatus {
    AVAILABLE,
    IN_TRADING,
    PLEDGED,
    FROZEN
}
