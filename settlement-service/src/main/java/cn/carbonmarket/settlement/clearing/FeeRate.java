package cn.carbonmarket.settlement.clearing;

/** One side's fee: a rate on the trade's value in basis points (1/10,000), and a minimum per trade in fen. */
public record FeeRate(long rateBasisPoints, long minimumFen) {

    public FeeRate {
        if (rateBasisPoints < 0 || minimumFen < 0) {
            throw new IllegalArgumentException("fee rates and minimums are not negative");
        }
    }
}
