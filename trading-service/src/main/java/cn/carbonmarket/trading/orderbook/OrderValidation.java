package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.trading.rules.ListingRules;

/**
 * The published listing rules an order must meet before it reaches the book: price on the tick and inside the
 * day's band, quantity on the step and within the order size limits, a counterparty level the rules offer.
 * Refuses with the first rule broken, price before quantity.
 */
public final class OrderValidation {

    private final ListingRules rules;
    private final PriceBand band;

    public OrderValidation(ListingRules rules, long previousClose) {
        this.rules = rules;
        this.band = PriceBand.around(previousClose, rules.dailyBandBasisPoints(), rules.tick());
    }

    /** The day's band, which also sizes the book's price ladder. */
    public PriceBand band() {
        return band;
    }

    public ResultCode limitOrder(long price, long quantity) {
        if (price % rules.tick() != 0) {
            return ResultCode.PRICE_NOT_ON_TICK;
        }
        if (price < band.lowest()) {
            return ResultCode.PRICE_BELOW_BAND;
        }
        if (price > band.highest()) {
            return ResultCode.PRICE_ABOVE_BAND;
        }
        return quantity(quantity);
    }

    public ResultCode takeAtLevel(int level, long quantity) {
        if (level < 1 || level > rules.counterpartyLevels()) {
            return ResultCode.LEVEL_OUT_OF_RANGE;
        }
        return quantity(quantity);
    }

    private ResultCode quantity(long quantity) {
        if (quantity < rules.minQuantity()) {
            return ResultCode.QUANTITY_BELOW_MINIMUM;
        }
        if (quantity > rules.maxQuantity()) {
            return ResultCode.QUANTITY_ABOVE_MAXIMUM;
        }
        if (quantity % rules.quantityStep() != 0) {
            return ResultCode.QUANTITY_NOT_ON_STEP;
        }
        return ResultCode.ACCEPTED;
    }
}
