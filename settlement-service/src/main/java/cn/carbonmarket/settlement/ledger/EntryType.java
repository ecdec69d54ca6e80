package cn.carbonmarket.settlement.ledger;

/** Why a journal entry was written; the business id's namespace is its type. */
public enum EntryType {
    /** The clearing bank credited a party's cash (bank reference). */
    DEPOSIT,
    /** A party asked to withdraw cash: pending until the clearing bank pays out (posted) or rejects (voided). */
    WITHDRAWAL,
    /** The clearing bank paid a confirmed withdrawal out of the settlement bank. */
    PAYOUT,
    /** Units came into trading at the registry (IN_TRADING). */
    UNITS_IN,
    /** Units left trading, released back to the registry (FROM_TRADING). */
    UNITS_OUT,
    /** Delivery versus payment of one trade, with both sides' fees. */
    TRADE,
    /** Cash set aside as auction collateral. */
    COLLATERAL_RESERVE,
    /** Unused auction collateral given back. */
    COLLATERAL_RELEASE
}
