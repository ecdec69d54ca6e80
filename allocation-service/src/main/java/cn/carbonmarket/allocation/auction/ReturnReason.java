package cn.carbonmarket.allocation.auction;

/** Why unsold units of an auction go back from trading, and to which national account. */
public enum ReturnReason {
    /** A cancelled auction's volume: back to the issuance account and carried over to later auctions. */
    UNSOLD_CARRIED_OVER(false),
    /** The part of a cost containment release that did not sell (the clearing price stayed below the trigger). */
    CCR_NOT_RELEASED(true),
    /** Volume withheld because the auction cleared at or below the floor price (RGGI's ECR). */
    ECR_WITHHELD(true);

    private final boolean toReserve;

    ReturnReason(boolean toReserve) {
        this.toReserve = toReserve;
    }

    /** Whether the units go to the stability reserve (else to the issuance account). */
    public boolean toReserve() {
        return toReserve;
    }
}
