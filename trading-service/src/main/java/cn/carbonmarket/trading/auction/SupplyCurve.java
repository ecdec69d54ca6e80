package cn.carbonmarket.trading.auction;

/**
 * What an auction sells as a function of its clearing price, in tonnes, all in whole lots: the base volume V; V - W
 * below the floor price when a floor withholding W is set (an emissions containment reserve: units withheld when the
 * price is low); V + R at and above the trigger price when a cost containment release R is set (units added when the
 * price is high). An operator's auction has neither: V at every price.
 *
 * @param lot          tonnes per lot, the unit of allocation
 * @param volume       V
 * @param floorPrice   fen per tonne below which W is withheld (meaningless when {@code withheld} is 0)
 * @param withheld     W, less than V
 * @param triggerPrice fen per tonne from which R is released (meaningless when {@code released} is 0)
 * @param released     R
 */
public record SupplyCurve(long lot, long volume, long floorPrice, long withheld, long triggerPrice, long released) {

    public SupplyCurve {
        if (lot <= 0 || volume <= 0 || volume % lot != 0) {
            throw new IllegalArgumentException("a volume is a positive number of whole lots, not " + volume
                    + " t in lots of " + lot);
        }
        if (withheld < 0 || withheld >= volume || withheld % lot != 0 || withheld > 0 && floorPrice <= 0) {
            throw new IllegalArgumentException("a floor withholding is whole lots below the volume at a positive"
                    + " floor price, not " + withheld + " t below " + floorPrice);
        }
        if (released < 0 || released % lot != 0 || released > 0 && triggerPrice <= 0) {
            throw new IllegalArgumentException("a containment release is whole lots from a positive trigger price,"
                    + " not " + released + " t from " + triggerPrice);
        }
        Math.addExact(volume, released);
    }

    /** V at every price. */
    public static SupplyCurve fixed(long volume, long lot) {
        return new SupplyCurve(lot, volume, 0, 0, 0, 0);
    }

    /** The same with W withheld below {@code floorPrice}. */
    public SupplyCurve withFloor(long floorPrice, long withheld) {
        return new SupplyCurve(lot, volume, floorPrice, withheld, triggerPrice, released);
    }

    /** The same with R released at and above {@code triggerPrice}. */
    public SupplyCurve withRelease(long triggerPrice, long released) {
        return new SupplyCurve(lot, volume, floorPrice, withheld, triggerPrice, released);
    }

    /** Tonnes on offer at a clearing price of {@code price} fen. */
    public long at(long price) {
        long supply = volume;
        if (withheld > 0 && price < floorPrice) {
            supply -= withheld;
        }
        if (released > 0 && price >= triggerPrice) {
            supply += released;
        }
        return supply;
    }

    /** The most that can sell: V + R, what the seller puts up. */
    public long offered() {
        return volume + released;
    }

    /** The prices at which the supply steps up: the floor and the trigger, where set (none: empty). */
    long[] steps() {
        if (withheld > 0 && released > 0) {
            return new long[] {floorPrice, triggerPrice};
        }
        return withheld > 0 ? new long[] {floorPrice} : released > 0 ? new long[] {triggerPrice} : new long[0];
    }
}
