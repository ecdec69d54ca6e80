package cn.carbonmarket.trading.auction;

import java.util.Arrays;

/** How an auction's close turned out. */
public sealed interface ClearingOutcome {

    /** Tonnes bid at or above the reserve price. */
    long demand();

    /**
     * Some price cleared.
     *
     * @param price     the uniform clearing price in fen
     * @param sold      tonnes sold: the sum of the allocations
     * @param allocated tonnes per bid, in the order the bids were given (zero for those that got nothing); an array,
     *                  not a map, so that a million bids clear without a million boxed entries
     */
    record Cleared(long price, long sold, long demand, long[] allocated) implements ClearingOutcome {

        @Override
        public boolean equals(Object other) {
            return other instanceof Cleared that && price == that.price && sold == that.sold
                    && demand == that.demand && Arrays.equals(allocated, that.allocated);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(price) + Arrays.hashCode(allocated);
        }

        @Override
        public String toString() {
            return "Cleared[price=" + price + ", sold=" + sold + ", demand=" + demand + ", allocated="
                    + Arrays.toString(allocated) + "]";
        }
    }

    /** No price at or above the reserve price found demand for the supply: the auction is cancelled, nothing sells. */
    record Undersubscribed(long demand) implements ClearingOutcome {
    }
}
