package cn.carbonmarket.trading.auction;

import java.util.Map;

/** How an auction's close turned out. */
public sealed interface ClearingOutcome {

    /**
     * Demand covered the volume.
     *
     * @param price       the uniform clearing price in fen
     * @param allocations tonnes per bid id, for every bid (zero for those that got nothing), in bid id order
     */
    record Cleared(long price, Map<Long, Long> allocations) implements ClearingOutcome {
    }

    /** Demand at the reserve price fell short of the volume: the auction is cancelled and nothing trades. */
    record Undersubscribed(long demand) implements ClearingOutcome {
    }
}
