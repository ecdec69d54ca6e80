package cn.carbonmarket.contracts.trade;

/** How a fee's fraction of a fen is rounded, in integer arithmetic. */
public enum FeeRounding {
    /** Half a fen and more rounds up: (value × bp + 5,000) / 10,000. */
    HALF_UP,
    /** Any fraction of a fen rounds up: (value × bp + 9,999) / 10,000. */
    UP;

    static final long BASIS_POINTS = 10_000;

    /** {@code scaled} (fen × basis points) in whole fen; an overflow fails loudly. */
    long toFen(long scaled) {
        long bias = this == HALF_UP ? BASIS_POINTS / 2 : BASIS_POINTS - 1;
        return Math.addExact(scaled, bias) / BASIS_POINTS;
    }
}
