package cn.carbonmarket.trading.block;

import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.orderbook.PriceBand;
import cn.carbonmarket.trading.rules.BlockRules;
import cn.carbonmarket.trading.rules.ListingRules;

/**
 * The published rules a block offer's size and price must meet: at least the block threshold, on the listing
 * tick and step, and within the block band around the previous close.
 */
public final class BlockTerms {

    private final BlockRules block;
    private final ListingRules listing;

    public BlockTerms(BlockRules block, ListingRules listing) {
        this.block = block;
        this.listing = listing;
    }

    /** @param previousClose in fen */
    public void check(long quantity, long price, long previousClose) {
        if (quantity < block.minQuantity()) {
            throw new RuleViolationException("BELOW_BLOCK_THRESHOLD", "a block offer is at least "
                    + block.minQuantity() + " t, not " + quantity);
        }
        if (quantity % listing.quantityStep() != 0) {
            throw new RuleViolationException("QUANTITY_NOT_ON_STEP", quantity + " t is not a multiple of "
                    + listing.quantityStep() + " t");
        }
        if (price % listing.tick() != 0) {
            throw new RuleViolationException("PRICE_NOT_ON_TICK", price + " fen is not a multiple of the tick "
                    + listing.tick());
        }
        PriceBand band = PriceBand.around(previousClose, block.dailyBandBasisPoints(), listing.tick());
        if (!band.contains(price)) {
            throw new RuleViolationException("OUTSIDE_BLOCK_BAND", price + " fen lies outside today's block band "
                    + band.lowest() + ".." + band.highest() + " fen");
        }
    }
}
