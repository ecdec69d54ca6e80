package cn.carbonmarket.trading.orderbook;

/**
 * The day's permitted prices, both ends included, in fen. The limits are the previous close moved by the band's
 * share, rounded half up to the tick (how the exchange states its limit prices); the lower limit is at least one
 * tick, since a price is never zero.
 */
public record PriceBand(long lowest, long highest) {

    private static final long BASIS_POINTS = 10_000;

    public PriceBand {
        if (lowest <= 0 || highest < lowest) {
            throw new IllegalArgumentException("a band runs from a positive price up, not " + lowest + ".." + highest);
        }
    }

    /**
     * @param previousClose in fen
     * @param basisPoints   the band's half-width as a share of the previous close (1,000 = 10%)
     * @param tick          the price step in fen
     */
    public static PriceBand around(long previousClose, long basisPoints, long tick) {
        if (previousClose <= 0 || basisPoints < 0 || basisPoints >= BASIS_POINTS || tick <= 0) {
            throw new IllegalArgumentException("no band around " + previousClose + " fen at " + basisPoints
                    + " bp with tick " + tick);
        }
        return new PriceBand(Math.max(tick, roundHalfUp(Math.multiplyExact(previousClose, BASIS_POINTS - basisPoints),
                tick)),
                roundHalfUp(Math.multiplyExact(previousClose, BASIS_POINTS + basisPoints), tick));
    }

    /** {@code scaled / 10,000} rounded half up to a multiple of {@code tick}. */
    private static long roundHalfUp(long scaled, long tick) {
        long unit = Math.multiplyExact(BASIS_POINTS, tick);
        return (scaled + unit / 2) / unit * tick;
    }

    public boolean contains(long price) {
        return lowest <= price && price <= highest;
    }
}
