package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.util.List;
import java.util.Set;

/**
 * What one bid must meet in an auction, besides its window, the seller, the tick and the bidder's money.
 *
 * @param reserve   the lowest price in fen
 * @param lot       tonnes per lot: a bid is whole lots
 * @param offered   the most the auction can sell; no single bid asks for more
 * @param bidderCap the most one bidder's bids together may ask for, in tonnes; null: no cap
 * @param eligible  the party types that may bid; null: every party, whether or not the exchange knows its type
 * @param maxBids   how many bids one bidder may place
 */
record BidRules(long reserve, long lot, long offered, Long bidderCap, Set<PartyType> eligible, int maxBids) {

    /**
     * Refuses the bid with the first rule it breaks (422), in the order eligibility, reserve, lots, volume, number of
     * bids, cap.
     *
     * @param bidderType the bidder's party type, null when the exchange has no risk profile for it
     * @param own        the quantities of the bidder's earlier bids in the auction
     */
    void check(PartyType bidderType, List<Long> own, long price, long quantity) {
        if (eligible != null && (bidderType == null || !eligible.contains(bidderType))) {
            throw new RuleViolationException("NOT_ELIGIBLE", "the auction takes bids from " + eligible + " only, not"
                    + " from " + (bidderType == null ? "a party of unknown type" : bidderType));
        }
        if (price < reserve) {
            throw new RuleViolationException("BELOW_RESERVE_PRICE", price + " fen is below the reserve price "
                    + reserve);
        }
        if (quantity % lot != 0) {
            throw new RuleViolationException("LOT_SIZE", "bids are whole lots of " + lot + " t, not " + quantity
                    + " t");
        }
        if (quantity > offered) {
            throw new RuleViolationException("BID_ABOVE_VOLUME", "the auction offers " + offered + " t, not "
                    + quantity);
        }
        if (own.size() >= maxBids) {
            throw new RuleViolationException("TOO_MANY_BIDS", "a bidder places at most " + maxBids
                    + " bids in one auction");
        }
        long total = own.stream().mapToLong(Long::longValue).reduce(quantity, Math::addExact);
        if (bidderCap != null && total > bidderCap) {
            throw new RuleViolationException("ABOVE_BIDDER_CAP", "a bidder's bids together ask for at most "
                    + bidderCap + " t; with this one they would ask for " + total + " t");
        }
    }
}
