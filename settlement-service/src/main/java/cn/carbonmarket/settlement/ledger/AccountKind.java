package cn.carbonmarket.settlement.ledger;

/**
 * The kinds of ledger account, each with its asset class, its owner and its balance constraint. Constraints are
 * declared here and enforced by the {@link Ledger} (as TigerBeetle's account flags are), never by callers.
 */
public enum AccountKind {
    /** Cash a party may trade with today. */
    CASH_AVAILABLE(Owner.PARTY, true, true),
    /** Cash set aside as collateral for a bid in an auction. */
    CASH_RESERVED(Owner.PARTY, true, true),
    /** Cash on its way out to the party's bank account, until the clearing bank pays it out or rejects it. */
    CASH_PENDING_WITHDRAWAL(Owner.PARTY, true, true),
    /** A party's units of one instrument in trading (the settlement view of its registry IN_TRADING holding). */
    UNITS(Owner.PARTY, false, true),
    /**
     * The participants' money held at the designated settlement bank, as a mirror: a deposit debits it, so its
     * balance is minus what the bank holds for the market, and it alone may go below zero among cash accounts.
     */
    SETTLEMENT_BANK_OMNIBUS(Owner.HOUSE, true, false),
    /** The exchange's fee income, kept apart from participants' funds. */
    FEE_INCOME(Owner.HOUSE, true, true),
    /** The mirror of units the registry holds IN_TRADING for the market; goes negative as units come in. */
    REGISTRY_UNITS_MIRROR(Owner.HOUSE, false, false);

    /** Who an account of this kind belongs to, which decides what its owner string is. */
    public enum Owner { PARTY, HOUSE }

    private final Owner owner;
    private final boolean cash;
    private final boolean debitsMustNotExceedCredits;

    AccountKind(Owner owner, boolean cash, boolean debitsMustNotExceedCredits) {
        this.owner = owner;
        this.cash = cash;
        this.debitsMustNotExceedCredits = debitsMustNotExceedCredits;
    }

    public Owner owner() {
        return owner;
    }

    /** True for CNY accounts, false for accounts in tonnes of an instrument. */
    public boolean isCash() {
        return cash;
    }

    /** The TigerBeetle flag: posted plus pending debits may never exceed posted credits (no overdraft). */
    public boolean debitsMustNotExceedCredits() {
        return debitsMustNotExceedCredits;
    }
}
